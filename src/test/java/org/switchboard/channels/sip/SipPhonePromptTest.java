package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.channels.sip.SipPhoneKit.T;
import static org.switchboard.channels.sip.SipPhoneKit.registrar;
import static org.switchboard.channels.sip.SipPhoneKit.uri;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.ToneAudio;

/**
 * A real baresip calls the PBX and hears Playback's prompts; the call ends from either side:
 * the dialplan's Hangup() closes the phone's call, the phone's BYE ends the PBX channel (and runs h).
 */
class SipPhonePromptTest {
    private static final String PEERS = SipPhoneKit.peer("alice", "alice-secret", "disallow=all", "allow=ulaw");
    private static final String DIALPLAN = """
        [phones]
        exten => 100,1,Answer()
         same => n,Playback(user&is-curntly-unavail)
         same => n,Verbose(1,@played ${PLAYBACKSTATUS})
         same => n,Hangup()
        exten => 101,1,Answer()
         same => n,Verbose(1,@long)
         same => n,Playback(silence/10&user)
         same => n,Verbose(1,@after playback)
        exten => h,1,Verbose(1,@h ${EXTEN} ${HANGUPCAUSE})
        """;

    @TempDir Path dir;

    @Test
    void theCallerHearsThePromptsAndThePbxHangsUp() throws Exception {
        SipPhoneKit.assumeBaresip();
        Path rec = dir.resolve("heard.wav");
        try (SipPbxFixture f = SipPhoneKit.pbx(dir, "allowguest=no", PEERS, DIALPLAN);
             BaresipPhone a = BaresipPhone.start(dir, "alice", "alice-secret", registrar(f.port()), null, rec, java.util.List.of("PCMU"))) {
            a.awaitRegistered(T);
            a.dial(uri("100", f.port()));
            a.awaitEstablished(T);
            String reason = a.awaitClosed(Duration.ofSeconds(20)); // the dialplan's Hangup(): a BYE from the PBX
            assertThat(reason).as("baresip's CALL_CLOSED reason").isNotBlank();
            await().atMost(T).until(() -> f.channels("SIP/") == 0);
            assertThat(f.pbx.path()).containsExactly("@played SUCCESS", "@h h 16"); // h runs after Hangup(), as in Asterisk
        }
        Path expected = SipPhoneKit.prompts(dir.resolve("expected.wav"), "user", "is-curntly-unavail");
        Path other = SipPhoneKit.prompts(dir.resolve("other.wav"), "pls-wait-connect-call");
        double same = ToneAudio.similarity(rec, expected), different = ToneAudio.similarity(rec, other);
        assertThat(same).as("similarity of what baresip heard to user&is-curntly-unavail (%s)", ToneAudio.describe(rec))
            .isGreaterThan(SipPhoneKit.SAME);
        assertThat(different).as("similarity to pls-wait-connect-call").isLessThan(SipPhoneKit.DIFFERENT);
    }

    @Test
    void thePhoneHangsUpMidPlaybackAndThePbxChannelGoes() throws Exception {
        SipPhoneKit.assumeBaresip();
        try (SipPbxFixture f = SipPhoneKit.pbx(dir, "allowguest=no", PEERS, DIALPLAN);
             BaresipPhone a = BaresipPhone.start(dir, "alice", "alice-secret", registrar(f.port()), null, null, java.util.List.of("PCMU"))) {
            a.awaitRegistered(T);
            a.dial(uri("101", f.port()));
            a.awaitEstablished(T);
            await().atMost(T).until(() -> f.pbx.path().contains("@long"));
            a.awaitHeard(Duration.ofMillis(500), T); // Playback is under way
            assertThat(f.channels("SIP/alice")).isEqualTo(1);
            a.hangup();
            a.awaitClosed(T);
            await().atMost(T).until(() -> f.channels("SIP/") == 0);
            await().atMost(T).until(() -> f.pbx.path().stream().anyMatch(l -> l.startsWith("@h ")));
            assertThat(f.pbx.path()).doesNotContain("@after playback").contains("@h h 16");
            assertThat(f.pbx.said("Got SIP BYE on SIP/alice-")).hasSize(1);
        }
    }
}
