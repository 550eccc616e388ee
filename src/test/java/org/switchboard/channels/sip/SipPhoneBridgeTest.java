package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.channels.sip.SipPhoneKit.T;
import static org.switchboard.channels.sip.SipPhoneKit.registrar;
import static org.switchboard.channels.sip.SipPhoneKit.uri;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.ToneAudio;

/**
 * Two real baresips registered as two peers talk through Dial(SIP/bob): alice plays 1000 Hz,
 * bob 400 Hz, and each hears the other's tone, not its own. Same codec on both legs: a native
 * RTP bridge; different codecs: the PBX transcodes.
 */
class SipPhoneBridgeTest {
    private static final String DIALPLAN = """
        [phones]
        exten => 200,1,Verbose(1,@dialling bob)
         same => n,Dial(SIP/bob,20)
         same => n,Verbose(1,@dial ${DIALSTATUS})
        """;

    @TempDir Path dir;

    @Test
    void pcmuOnBothLegsIsBridgedNatively() throws Exception {
        List<String> bridged = said(call("ulaw", List.of("PCMU"), "ulaw", List.of("PCMU")), "Native RTP bridge");
        assertThat(bridged).hasSize(1);
        assertThat(bridged.get(0)).contains("SIP/alice-").contains("SIP/bob-").contains("(ulaw, no transcoding)");
    }

    @Test
    void pcmuToG722IsTranscoded() throws Exception {
        assertThat(said(call("ulaw", List.of("PCMU"), "g722", List.of("G722")), "Native RTP bridge")).isEmpty();
    }

    @Test
    void pcmuToPcmaIsTranscoded() throws Exception {
        assertThat(said(call("ulaw", List.of("PCMU"), "alaw", List.of("PCMA")), "Native RTP bridge")).isEmpty();
    }

    private static List<String> said(List<String> log, String fragment) {
        return log.stream().filter(l -> l.contains(fragment)).toList();
    }

    /** alice calls bob through the PBX; both check what they heard; returns the PBX's log. */
    private List<String> call(String aliceAllow, List<String> aliceCodecs, String bobAllow, List<String> bobCodecs) throws Exception {
        SipPhoneKit.assumeBaresip();
        Path toneA = ToneAudio.writeTone(dir.resolve("a.wav"), 1000, 8000, 5);
        Path toneB = ToneAudio.writeTone(dir.resolve("b.wav"), 400, 8000, 5);
        Path recA = dir.resolve("rec-a.wav"), recB = dir.resolve("rec-b.wav");
        String peers = SipPhoneKit.peer("alice", "alice-secret", "disallow=all", "allow=" + aliceAllow)
            + SipPhoneKit.peer("bob", "bob-secret", "disallow=all", "allow=" + bobAllow);
        List<String> log;
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no", peers, DIALPLAN);
             BaresipPhone a = BaresipPhone.start(dir, "alice", "alice-secret", registrar(f.port()), toneA, recA, aliceCodecs);
             BaresipPhone b = BaresipPhone.start(dir, "bob", "bob-secret", registrar(f.port()), toneB, recB, bobCodecs)) {
            a.awaitRegistered(T);
            b.awaitRegistered(T);
            a.dial(uri("200", f.port()));
            assertThat(b.awaitIncoming(T)).as("bob's caller").contains("alice");
            b.answer();
            a.awaitEstablished(T);
            b.awaitEstablished(T);
            a.awaitHeard(Duration.ofSeconds(2), T);
            b.awaitHeard(Duration.ofSeconds(2), T);
            a.hangup();
            a.awaitClosed(T);
            b.awaitClosed(T); // the PBX passes alice's BYE on to bob
            await().atMost(T).until(() -> f.channels("SIP/") == 0);
            assertThat(f.pbx.path()).containsExactly("@dialling bob");
            log = List.copyOf(f.pbx.log);
        }
        String heardA = ToneAudio.describe(recA, 400, 1000), heardB = ToneAudio.describe(recB, 400, 1000);
        assertThat(ToneAudio.hasTone(recA, 400)).as("alice hears bob's 400 Hz: " + heardA).isTrue();
        assertThat(ToneAudio.hasTone(recA, 1000)).as("alice does not hear her own 1000 Hz: " + heardA).isFalse();
        assertThat(ToneAudio.hasTone(recB, 1000)).as("bob hears alice's 1000 Hz: " + heardB).isTrue();
        assertThat(ToneAudio.hasTone(recB, 400)).as("bob does not hear his own 400 Hz: " + heardB).isFalse();
        return log;
    }
}
