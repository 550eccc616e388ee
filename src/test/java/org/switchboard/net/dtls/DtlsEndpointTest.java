package org.switchboard.net.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two DTLS-SRTP ends joined by in-memory pipes: the handshake gives both the same keys, SRTP
 * made by one is opened by the other, and a certificate that does not match the fingerprint, or
 * a peer that never answers, ends the handshake with the reason.
 */
class DtlsEndpointTest {
    static final DtlsCertificate A = DtlsCertificate.generate(), B = DtlsCertificate.generate();

    /** Two pipes, each end's sends land in the other's queue. */
    static DatagramPipe[] joined() {
        DatagramPipe[] p = new DatagramPipe[2];
        p[0] = new DatagramPipe((b, o, l) -> p[1].offer(Arrays.copyOfRange(b, o, o + l)));
        p[1] = new DatagramPipe((b, o, l) -> p[0].offer(Arrays.copyOfRange(b, o, o + l)));
        return p;
    }

    static CompletableFuture<DtlsEndpoint.Result> run(DtlsCertificate mine, boolean client, String theirFp,
            DatagramPipe pipe, Duration limit) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return DtlsEndpoint.handshake(mine, client, "sha-256", theirFp, pipe, limit);
            } catch (DtlsException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, r -> Thread.ofVirtual().start(r));
    }

    @Test
    void bothEndsExportTheSameKeysAndSrtpCrossesEachWay() throws Exception {
        assertThat(A.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        DatagramPipe[] p = joined();
        var client = run(A, true, B.fingerprint(), p[0], Duration.ofSeconds(10));
        var server = run(B, false, A.fingerprint(), p[1], Duration.ofSeconds(10));
        SrtpKeys kc = client.get(10, TimeUnit.SECONDS).keys(), ks = server.get(10, TimeUnit.SECONDS).keys();
        assertThat(kc.profile()).isEqualTo(SrtpKeys.AES128_CM_HMAC_SHA1_80);
        assertThat(kc.clientKey()).isEqualTo(ks.clientKey()).hasSize(16);
        assertThat(kc.serverSalt()).isEqualTo(ks.serverSalt()).hasSize(14);
        assertThat(kc.clientKey()).isNotEqualTo(kc.serverKey());

        Srtp c = new Srtp(kc, true), s = new Srtp(ks, false);
        byte[] rtp = new byte[12 + 160];
        rtp[0] = (byte) 0x80;
        rtp[3] = 7; // sequence 7
        rtp[11] = 0x42; // SSRC 0x42
        Arrays.fill(rtp, 12, rtp.length, (byte) 0x55);
        System.arraycopy(rtp, 0, c.txReset(rtp.length), 0, rtp.length);
        int n = c.protectRtp();
        assertThat(n).isEqualTo(rtp.length + 10); // RFC 3711: 80-bit tag
        byte[] wire = Arrays.copyOf(c.txBuffer(), n);
        assertThat(Arrays.copyOfRange(wire, 12, 172)).isNotEqualTo(Arrays.copyOfRange(rtp, 12, 172));

        System.arraycopy(wire, 0, s.rxReset(n), 0, n);
        assertThat(s.unprotectRtp()).isEqualTo(rtp.length);
        assertThat(Arrays.copyOf(s.rxBuffer(), rtp.length)).isEqualTo(rtp);

        System.arraycopy(wire, 0, s.rxReset(n), 0, n);
        assertThat(s.unprotectRtp()).as("a replayed packet").isEqualTo(Srtp.REPLAYED);

        wire[20] ^= 1; // one bit changed on the way
        wire[3] = 8;
        System.arraycopy(wire, 0, s.rxReset(n), 0, n);
        assertThat(s.unprotectRtp()).isEqualTo(Srtp.AUTH_FAILED);

        byte[] sr = {(byte) 0x80, (byte) 200, 0, 6, 0, 0, 0, 0x42, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2};
        System.arraycopy(sr, 0, s.txReset(sr.length), 0, sr.length);
        int m = s.protectRtcp();
        assertThat(m).isEqualTo(sr.length + 4 + 10); // RFC 3711 §3.4: E+index, tag
        System.arraycopy(s.txBuffer(), 0, c.rxReset(m), 0, m);
        assertThat(c.unprotectRtcp()).isEqualTo(sr.length);
        assertThat(Arrays.copyOf(c.rxBuffer(), sr.length)).isEqualTo(sr);
    }

    @Test
    void aCertificateThatDoesNotMatchTheFingerprintFailsTheHandshake() {
        DatagramPipe[] p = joined();
        DtlsCertificate other = DtlsCertificate.generate();
        var client = run(A, true, other.fingerprint(), p[0], Duration.ofSeconds(5)); // B is not who was announced
        var server = run(B, false, A.fingerprint(), p[1], Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.get(10, TimeUnit.SECONDS)).cause()
            .isInstanceOfSatisfying(DtlsException.class, e -> assertThat(e.failure()).isEqualTo(DtlsFailure.FINGERPRINT_MISMATCH));
        assertThatThrownBy(() -> server.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(DtlsException.class);
    }

    @Test
    void theServerChecksTheClientsCertificateToo() {
        DatagramPipe[] p = joined();
        var client = run(A, true, B.fingerprint(), p[0], Duration.ofSeconds(5));
        var server = run(B, false, "00:11", p[1], Duration.ofSeconds(5));
        assertThatThrownBy(() -> server.get(10, TimeUnit.SECONDS)).cause()
            .isInstanceOfSatisfying(DtlsException.class, e -> assertThat(e.failure()).isEqualTo(DtlsFailure.FINGERPRINT_MISMATCH));
        assertThatThrownBy(() -> client.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(DtlsException.class);
    }

    @Test
    void aPeerThatNeverAnswersTimesOut() {
        DatagramPipe silent = new DatagramPipe((b, o, l) -> {});
        var client = run(A, true, B.fingerprint(), silent, Duration.ofMillis(1500));
        assertThatThrownBy(() -> client.get(10, TimeUnit.SECONDS)).cause()
            .isInstanceOfSatisfying(DtlsException.class, e -> assertThat(e.failure()).isEqualTo(DtlsFailure.TIMEOUT));
    }

    @Test
    void closingThePipeEndsAWaitingHandshake() {
        DatagramPipe silent = new DatagramPipe((b, o, l) -> {});
        var server = run(B, false, A.fingerprint(), silent, Duration.ofSeconds(30));
        silent.close();
        assertThatThrownBy(() -> server.get(5, TimeUnit.SECONDS)).cause()
            .isInstanceOfSatisfying(DtlsException.class, e -> assertThat(e.failure()).isEqualTo(DtlsFailure.FAILED));
    }
}
