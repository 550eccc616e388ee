package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.switchboard.channels.sip.SipPhoneKit.T;
import static org.switchboard.channels.sip.SipPhoneKit.registrar;
import static org.switchboard.channels.sip.SipPhoneKit.uri;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.LinphonePhone;
import org.switchboard.testing.ToneAudio;

/** linphonec, a second SIP implementation, through the PBX: registers, hears a prompt, talks to a baresip. */
class SipPhoneLinphoneTest {
    private static final String PEERS = SipPhoneKit.peer("lin", "lin-secret", "disallow=all", "allow=ulaw")
        + SipPhoneKit.peer("bob", "bob-secret", "disallow=all", "allow=ulaw");
    private static final String DIALPLAN = """
        [phones]
        exten => 100,1,Answer()
         same => n,Playback(silence/1&user&is-curntly-unavail)
         same => n,Verbose(1,@played ${PLAYBACKSTATUS})
         same => n,Hangup()
        exten => 200,1,Dial(SIP/bob,20)
        """;

    @TempDir Path dir;

    /**
     * The prompt starts after silence/1, as the seed's do: linphonec's file recorder starts a
     * little after the call is answered, and without it lost up to 0.2 s of "user" (once in 5 runs).
     */
    @Test
    void linphoneRegistersCallsThePromptAndThePbxHangsUp() throws Exception {
        assumeTrue(LinphonePhone.installed(), "linphonec not installed");
        Path rec = dir.resolve("lin-heard.wav");
        try (SipPbxFixture f = SipPhoneKit.pbx(dir, "allowguest=no", PEERS, DIALPLAN)) {
            try (LinphonePhone l = LinphonePhone.start(dir, "lin", null, rec, List.of("PCMU"))) {
                l.register(registrar(f.port()), "lin-secret");
                l.awaitRegistered(T);
                assertThat(f.stack().registrar().contact("lin")).isNotNull();
                l.dial(uri("100", f.port()));
                l.awaitEstablished(T);
                String reason = l.awaitClosed(Duration.ofSeconds(20)); // the dialplan's Hangup()
                assertThat(reason).isNotEqualTo("error");
            }
            await().atMost(T).until(() -> f.channels("SIP/") == 0);
            assertThat(f.pbx.path()).containsExactly("@played SUCCESS");
        }
        Path expected = SipPhoneKit.prompts(dir.resolve("expected.wav"), "user", "is-curntly-unavail");
        Path other = SipPhoneKit.prompts(dir.resolve("other.wav"), "pls-wait-connect-call");
        assertThat(ToneAudio.similarity(rec, expected)).as("linphone heard user&is-curntly-unavail (%s)", ToneAudio.describe(rec))
            .isGreaterThan(SipPhoneKit.SAME);
        assertThat(ToneAudio.similarity(rec, other)).isLessThan(SipPhoneKit.DIFFERENT);
    }

    @Test
    void linphoneCallsABaresipThroughThePbxAndBothHearTheOther() throws Exception {
        assumeTrue(LinphonePhone.installed(), "linphonec not installed");
        SipPhoneKit.assumeBaresip();
        Path toneL = ToneAudio.writeTone(dir.resolve("l.wav"), 1000, 8000, 5);
        Path toneB = ToneAudio.writeTone(dir.resolve("b.wav"), 400, 8000, 5);
        Path recL = dir.resolve("rec-l.wav"), recB = dir.resolve("rec-b.wav");
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no", PEERS, DIALPLAN)) {
            try (LinphonePhone l = LinphonePhone.start(dir, "lin", toneL, recL, List.of("PCMU"));
                 BaresipPhone b = BaresipPhone.start(dir, "bob", "bob-secret", registrar(f.port()), toneB, recB, List.of("PCMU"))) {
                l.register(registrar(f.port()), "lin-secret");
                l.awaitRegistered(T);
                b.awaitRegistered(T);
                l.dial(uri("200", f.port()));
                assertThat(b.awaitIncoming(T)).contains("lin");
                b.answer();
                l.awaitEstablished(T);
                b.awaitEstablished(T);
                b.awaitHeard(Duration.ofSeconds(2), T);
                l.hangup();
                assertThat(l.awaitClosed(T)).isEqualTo("No error");
                b.awaitClosed(T); // the PBX passed linphone's BYE on
            }
            await().atMost(T).until(() -> f.channels("SIP/") == 0);
            assertThat(f.pbx.said("Got SIP BYE on SIP/lin-")).hasSize(1);
        }
        assertThat(ToneAudio.hasTone(recB, 1000)).as(ToneAudio.describe(recB, 400, 1000)).isTrue();
        assertThat(ToneAudio.hasTone(recB, 400)).as(ToneAudio.describe(recB, 400, 1000)).isFalse();
        assertThat(ToneAudio.hasTone(recL, 400)).as(ToneAudio.describe(recL, 400, 1000)).isTrue();
        assertThat(ToneAudio.hasTone(recL, 1000)).as(ToneAudio.describe(recL, 400, 1000)).isFalse();
    }
}
