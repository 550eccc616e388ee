package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.channels.pjsip.PjsipPbxFixture.phone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.TestCertificates;
import org.switchboard.testing.ToneAudio;

/**
 * pjsip.conf endpoints with {@code media_encryption=sdes} and {@code media_encryption_optimistic=yes}
 * on a TLS transport: a baresip that insists on SRTP ({@code srtp-mand}, RTP/SAVP) calls one that
 * offers it best-effort ({@code srtp}, RTP/AVP with a=crypto); both legs are keyed, and each
 * phone hears the other's tone.
 */
class PjsipPhoneSrtpTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final String DIALPLAN = "[phones]\nexten => 200,1,Dial(PJSIP/bob,20)\n";

    @TempDir Path dir;

    @Test
    void sdesOnBothLegsOverTlsMandatoryCallerOptimisticCallee() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(BaresipPhone.installed() && TestCertificates.installed(), "baresip and openssl");
        TestCertificates c = TestCertificates.create(dir);
        String pjsip = """
            [transport-tls]
            type=transport
            protocol=tls
            bind=127.0.0.1:0
            cert_file=%s
            priv_key_file=%s

            [phone](!)
            type=endpoint
            context=phones
            disallow=all
            allow=ulaw
            transport=transport-tls
            rewrite_contact=yes
            media_encryption=sdes
            media_encryption_optimistic=yes
            """.formatted(c.serverCert(), c.serverKey())
                + phone("alice", "phone")
                + phone("bob", "phone");
        Path toneA = ToneAudio.writeTone(dir.resolve("a.wav"), 1000, 8000, 5);
        Path toneB = ToneAudio.writeTone(dir.resolve("b.wav"), 400, 8000, 5);
        Path recA = dir.resolve("rec-a.wav"), recB = dir.resolve("rec-b.wav");
        List<String> tls = List.of("module srtp.so", "sip_certificate " + c.clientPem(), "sip_cafile " + c.ca());
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, pjsip, DIALPLAN)) {
            String registrar = "127.0.0.1:" + f.stack().tlsAddress().getPort() + ";transport=tls";
            try (BaresipPhone a = BaresipPhone.start(dir, "alice", "alice-pw", registrar, toneA, recA, List.of("PCMU"), tls, ";mediaenc=srtp-mand");
                 BaresipPhone b = BaresipPhone.start(dir, "bob", "bob-pw", registrar, toneB, recB, List.of("PCMU"), tls, ";mediaenc=srtp")) {
                a.awaitRegistered(T);
                b.awaitRegistered(T);
                a.dial("sip:200@" + registrar);
                b.awaitIncoming(T);
                b.answer();
                a.awaitEstablished(T);
                b.awaitEstablished(T);
                assertThat(f.stack().calls().all()).hasSize(2)
                    .allSatisfy(call -> assertThat(call.rtp().transportCapabilities().name()).isEqualTo("udp-srtp-sdes"));
                a.awaitHeard(Duration.ofSeconds(2), T);
                b.awaitHeard(Duration.ofSeconds(2), T);
                a.hangup();
                a.awaitClosed(T);
                b.awaitClosed(T);
                await().atMost(T).until(() -> f.stack().calls().all().isEmpty());
            }
        }
        assertThat(ToneAudio.hasTone(recA, 400)).as("alice hears bob: " + ToneAudio.describe(recA, 400, 1000)).isTrue();
        assertThat(ToneAudio.hasTone(recB, 1000)).as("bob hears alice: " + ToneAudio.describe(recB, 400, 1000)).isTrue();
        assertThat(ToneAudio.hasTone(recA, 1000)).isFalse();
        assertThat(ToneAudio.hasTone(recB, 400)).isFalse();
    }
}
