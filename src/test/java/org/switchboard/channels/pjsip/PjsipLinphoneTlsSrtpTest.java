package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.LinphonePhone;
import org.switchboard.testing.TestCertificates;
import org.switchboard.testing.ToneAudio;

/**
 * linphonec (liblinphone, a second SIP and SRTP implementation beside baresip) registered to a
 * pjsip.conf endpoint over a {@code protocol=tls} transport, checking our certificate against the
 * test CA, calls a baresip on the same transport through the PBX: with {@code media_encryption=sdes}
 * (RFC 4568) on both legs, and with the linphone leg on {@code media_encryption=dtls} (RFC 5763,
 * without ICE) bridged to the SDES leg. Each phone hears the other's tone, not its own.
 */
class PjsipLinphoneTlsSrtpTest {
    private static final Duration T = Duration.ofSeconds(15);
    private static final String DIALPLAN = "[phones]\nexten => 200,1,Dial(PJSIP/bob,20)\n";

    @TempDir Path dir;

    private static String pjsip(TestCertificates c, String linEncryption) {
        return """
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

            [lin](phone)
            auth=lin
            aors=lin
            media_encryption=%s
            [lin]
            type=auth
            username=lin
            password=lin-pw
            [lin]
            type=aor
            max_contacts=1

            [bob](phone)
            auth=bob
            aors=bob
            media_encryption=sdes
            [bob]
            type=auth
            username=bob
            password=bob-pw
            [bob]
            type=aor
            max_contacts=1
            """.formatted(c.serverCert(), c.serverKey(), linEncryption);
    }

    @Test
    void linphoneOverTlsWithSdesCallsABaresipAndBothHearTheOther() throws Exception {
        call("sdes", "srtp", false, "udp-srtp-sdes");
    }

    /**
     * Without ICE (linphonec's ICE host candidates are the default route's addresses, not the
     * loopback its RTP socket is bound to): DTLS-SRTP on the SDP's address, RFC 5763 §5.
     */
    @Test
    void linphoneOverTlsWithDtlsSrtpCallsAnSdesBaresipAndBothHearTheOther() throws Exception {
        call("dtls", "dtls", false, "udp-dtls-srtp");
    }

    private void call(String linEncryption, String linphoneEncryption, boolean ice, String linTransport) throws Exception {
        assumeTrue(LinphonePhone.installed() && BaresipPhone.installed() && TestCertificates.installed(), "linphonec, baresip, openssl");
        TestCertificates c = TestCertificates.create(dir);
        LinphonePhone.Secure secure = new LinphonePhone.Secure(c.ca(), linphoneEncryption, true, ice);
        Path toneL = ToneAudio.writeTone(dir.resolve("l.wav"), 1000, 8000, 5);
        Path toneB = ToneAudio.writeTone(dir.resolve("b.wav"), 400, 8000, 5);
        Path recL = dir.resolve("rec-l.wav"), recB = dir.resolve("rec-b.wav");
        List<String> tls = List.of("module srtp.so", "sip_certificate " + c.clientPem(), "sip_cafile " + c.ca());
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, pjsip(c, linEncryption), DIALPLAN)) {
            String registrar = "127.0.0.1:" + f.stack().tlsAddress().getPort() + ";transport=tls";
            try (LinphonePhone l = LinphonePhone.start(dir, "lin", toneL, recL, List.of("PCMU"), "", secure);
                 BaresipPhone b = BaresipPhone.start(dir, "bob", "bob-pw", registrar, toneB, recB, List.of("PCMU"), tls, ";mediaenc=srtp-mand")) {
                // by name: liblinphone's mbedTLS matches DNS subjectAltNames only, and the certificate has DNS:localhost
                String byName = "localhost:" + f.stack().tlsAddress().getPort() + ";transport=tls";
                l.register(byName, "lin-pw");
                l.awaitRegistered(T);
                b.awaitRegistered(T);
                assertThat(f.stack().registrar().contacts("lin")).singleElement()
                    .satisfies(k -> assertThat(k.transport()).isEqualTo("TLS"));
                l.dial("sip:200@" + byName);
                assertThat(b.awaitIncoming(T)).contains("lin");
                b.answer();
                l.awaitEstablished(T);
                b.awaitEstablished(T);
                assertThat(f.stack().calls().all()).hasSize(2).allSatisfy(k -> {
                    assertThat(k.remote().protocol().name()).isEqualTo("TLS");
                    assertThat(k.rtp().transportCapabilities().secure()).isTrue();
                });
                assertThat(f.stack().calls().all()).extracting(k -> k.rtp().transportCapabilities().name())
                    .containsExactlyInAnyOrder(linTransport, "udp-srtp-sdes");
                b.awaitHeard(Duration.ofSeconds(2), T);
                l.hangup();
                assertThat(l.awaitClosed(T)).isEqualTo("No error");
                b.awaitClosed(T);
                await().atMost(T).until(() -> f.stack().calls().all().isEmpty());
            }
        }
        String heardL = ToneAudio.describe(recL, 400, 1000), heardB = ToneAudio.describe(recB, 400, 1000);
        assertThat(ToneAudio.hasTone(recL, 400)).as("linphone hears bob's 400 Hz: " + heardL).isTrue();
        assertThat(ToneAudio.hasTone(recL, 1000)).as("linphone does not hear its own 1000 Hz: " + heardL).isFalse();
        assertThat(ToneAudio.hasTone(recB, 1000)).as("bob hears linphone's 1000 Hz: " + heardB).isTrue();
        assertThat(ToneAudio.hasTone(recB, 400)).as("bob does not hear his own 400 Hz: " + heardB).isFalse();
    }
}
