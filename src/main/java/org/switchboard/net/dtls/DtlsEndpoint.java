package org.switchboard.net.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * One end of a DTLS-SRTP association (RFC 5764) on Bouncy Castle: DTLS 1.2 as client or server
 * (the negotiated {@code a=setup}, RFC 5763 §5 / RFC 8842 §5), our {@link DtlsCertificate}, the
 * peer's certificate checked against the fingerprint it announced, the {@code use_srtp} extension,
 * and the SRTP keys exported once the handshake completes. {@link #handshake} blocks its thread
 * (Bouncy Castle's DTLS is blocking): run it off the event loops.
 */
public final class DtlsEndpoint {
    /** Bouncy Castle's own crypto, no JCA provider to register; shared, as its SecureRandom is thread-safe. */
    private static final BcTlsCrypto CRYPTO = new BcTlsCrypto(new SecureRandom());

    /** A finished handshake: the keys, and the DTLS transport that must still read (retransmitted flights, alerts). */
    public record Result(SrtpKeys keys, DTLSTransport transport) {}

    private DtlsEndpoint() {}

    /**
     * Runs the handshake over {@code pipe}. {@code remoteHash}/{@code remoteFingerprint} are what
     * the peer sent in signalling ("sha-256", "AB:CD:..."); {@code timeout} bounds the whole
     * handshake. Fails with {@link DtlsFailure#FINGERPRINT_MISMATCH}, {@link DtlsFailure#TIMEOUT}
     * or {@link DtlsFailure#FAILED}.
     */
    public static Result handshake(DtlsCertificate certificate, boolean client, String remoteHash,
            String remoteFingerprint, DatagramPipe pipe, Duration timeout) throws DtlsException {
        int limit = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        DtlsPeerCheck check = new DtlsPeerCheck(CRYPTO, certificate, remoteHash, remoteFingerprint, limit);
        try {
            if (client) {
                DtlsSrtpClient c = new DtlsSrtpClient(check);
                DTLSTransport t = new DTLSClientProtocol().connect(c, pipe);
                return new Result(c.keys(), t);
            }
            DtlsSrtpServer s = new DtlsSrtpServer(check);
            DTLSTransport t = new DTLSServerProtocol().accept(s, pipe);
            return new Result(s.keys(), t);
        } catch (TlsTimeoutException e) {
            throw new DtlsException(DtlsFailure.TIMEOUT, "no DTLS handshake within " + limit + " ms", e);
        } catch (InterruptedIOException e) {
            throw new DtlsException(DtlsFailure.TIMEOUT, "DTLS handshake interrupted", e);
        } catch (TlsFatalAlertReceived e) {
            throw new DtlsException(DtlsFailure.FAILED, "the peer ended the DTLS handshake: " + e.getMessage(), e);
        } catch (SocketException e) {
            throw new DtlsException(DtlsFailure.FAILED, "DTLS transport closed during the handshake", e);
        } catch (IOException | RuntimeException e) {
            DtlsFailure f = check.failure;
            if (f != null) throw new DtlsException(f, "the peer's certificate does not match its fingerprint", e);
            throw new DtlsException(DtlsFailure.FAILED, "DTLS handshake failed: " + e.getMessage(), e);
        }
    }
}
