package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.channels.sip.SipPhoneKit.T;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.TestCertificates;
import org.switchboard.testing.ToneAudio;

/**
 * Two real baresips registered over TLS (sip.conf {@code tlsenable}, peers with
 * {@code transport=tls}) with SDES-SRTP required on both sides ({@code encryption=yes},
 * baresip's {@code mediaenc=srtp-mand}): alice calls bob through the PBX, each hears the other's
 * tone and not its own, and both legs run over the SRTP transport.
 */
class SipPhoneTlsSrtpTest {
    private static final String DIALPLAN = """
        [phones]
        exten => 200,1,Verbose(1,@dialling bob)
         same => n,Dial(SIP/bob,20)
        """;

    @TempDir Path dir;

    @Test
    void twoPhonesOverTlsWithSdesSrtpHearEachOther() throws Exception {
        SipPhoneKit.assumeBaresip();
        org.junit.jupiter.api.Assumptions.assumeTrue(TestCertificates.installed(), "openssl is not installed");
        TestCertificates certs = TestCertificates.create(dir);
        Path toneA = ToneAudio.writeTone(dir.resolve("a.wav"), 1000, 8000, 5);
        Path toneB = ToneAudio.writeTone(dir.resolve("b.wav"), 400, 8000, 5);
        Path recA = dir.resolve("rec-a.wav"), recB = dir.resolve("rec-b.wav");
        String general = "allowguest=no\ntlsenable=yes\ntlsbindaddr=127.0.0.1:0\ntlscertfile=" + certs.serverCert()
            + "\ntlsprivatekey=" + certs.serverKey() + "\ntlscafile=" + certs.ca() + "\n";
        String peers = SipPhoneKit.peer("alice", "alice-secret", "transport=tls", "encryption=yes", "disallow=all", "allow=ulaw")
            + SipPhoneKit.peer("bob", "bob-secret", "transport=tls", "encryption=yes", "disallow=all", "allow=ulaw");
        List<String> tls = List.of("module srtp.so", "sip_certificate " + certs.clientPem(), "sip_cafile " + certs.ca());
        try (SipPbxFixture f = SipPbxFixture.start(dir, general, peers, DIALPLAN)) {
            String registrar = "127.0.0.1:" + f.stack().tlsAddress().getPort() + ";transport=tls";
            try (BaresipPhone a = BaresipPhone.start(dir, "alice", "alice-secret", registrar, toneA, recA, List.of("PCMU"), tls, ";mediaenc=srtp-mand");
                 BaresipPhone b = BaresipPhone.start(dir, "bob", "bob-secret", registrar, toneB, recB, List.of("PCMU"), tls, ";mediaenc=srtp-mand")) {
                a.awaitRegistered(T);
                b.awaitRegistered(T);
                assertThat(f.stack().registrar().contacts("alice")).singleElement()
                    .satisfies(c -> assertThat(c.transport()).isEqualTo("TLS"));
                a.dial("sip:200@" + registrar);
                assertThat(b.awaitIncoming(T)).as("bob's caller").contains("alice");
                b.answer();
                a.awaitEstablished(T);
                b.awaitEstablished(T);
                assertThat(f.stack().calls().all()).hasSize(2).allSatisfy(c -> {
                    assertThat(c.remote().protocol().name()).isEqualTo("TLS");
                    assertThat(c.rtp().transportCapabilities().name()).isEqualTo("udp-srtp-sdes");
                    assertThat(c.rtp().transportCapabilities().secure()).isTrue();
                });
                a.awaitHeard(Duration.ofSeconds(2), T);
                b.awaitHeard(Duration.ofSeconds(2), T);
                a.hangup();
                a.awaitClosed(T);
                b.awaitClosed(T);
                await().atMost(T).until(() -> f.channels("SIP/") == 0);
            }
        }
        String heardA = ToneAudio.describe(recA, 400, 1000), heardB = ToneAudio.describe(recB, 400, 1000);
        assertThat(ToneAudio.hasTone(recA, 400)).as("alice hears bob's 400 Hz: " + heardA).isTrue();
        assertThat(ToneAudio.hasTone(recA, 1000)).as("alice does not hear her own 1000 Hz: " + heardA).isFalse();
        assertThat(ToneAudio.hasTone(recB, 1000)).as("bob hears alice's 1000 Hz: " + heardB).isTrue();
        assertThat(ToneAudio.hasTone(recB, 400)).as("bob does not hear his own 400 Hz: " + heardB).isFalse();
    }
}
