package org.switchboard.net.ice;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bouncycastle.tls.DTLSTransport;
import org.switchboard.net.dtls.DatagramPipe;
import org.switchboard.net.dtls.DtlsCertificate;
import org.switchboard.net.dtls.DtlsEndpoint;
import org.switchboard.net.dtls.DtlsException;
import org.switchboard.net.dtls.Srtp;
import org.switchboard.net.ice.MediaTransportException.Reason;

/**
 * The DTLS side of one {@link IceDtlsTransport}: runs the blocking handshake on a virtual thread
 * (client once ICE selected a pair, server from {@code setRemote}), hands the SRTP keys over, and
 * then keeps reading DTLS so a peer that lost our last flight gets it again (RFC 6347 §4.2.4) and
 * its close_notify is seen. States as {@code skype show calls} prints them.
 */
final class DtlsSession {
    private final IceDtlsTransport owner;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closed;
    private volatile String state = "new";
    private volatile DtlsFingerprint expected;
    private volatile DTLSTransport transport;

    DtlsSession(IceDtlsTransport owner) { this.owner = owner; }

    String state() { return state; }

    /** The fingerprint the handshake will check, before it starts. */
    void expect(DtlsFingerprint fingerprint) { expected = fingerprint; }

    /** Starts the handshake once; {@code fingerprint} null: the one {@link #expect}ed. */
    void start(DtlsCertificate certificate, boolean client, DtlsFingerprint fingerprint, DatagramPipe pipe) {
        if (fingerprint != null) expected = fingerprint;
        if (closed || !started.compareAndSet(false, true)) return;
        state = "connecting";
        Runnable handshake = org.switchboard.core.PbxLog.bound(owner.log(), () -> run(certificate, client, pipe));
        Thread.ofVirtual().name(client ? "dtls-client" : "dtls-server").start(handshake);
    }

    private void run(DtlsCertificate certificate, boolean client, DatagramPipe pipe) {
        DtlsFingerprint fp = expected;
        if (fp == null) { // setRemote always gives one first; never run DTLS unchecked
            state = "failed";
            owner.dtlsFailed(Reason.FINGERPRINT_MISMATCH, "no fingerprint to check the peer's certificate against");
            return;
        }
        Duration limit = Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(50), owner.remainingNanos()));
        try {
            DtlsEndpoint.Result r = DtlsEndpoint.handshake(certificate, client, fp.hash(), fp.value(), pipe, limit);
            transport = r.transport();
            if (closed) {
                close();
                return;
            }
            state = "connected";
            owner.dtlsDone(new Srtp(r.keys(), client));
            readUntilClosed(r.transport());
        } catch (DtlsException e) {
            if (closed) return;
            state = "failed";
            Reason reason = switch (e.failure()) {
                case FINGERPRINT_MISMATCH -> Reason.FINGERPRINT_MISMATCH;
                case TIMEOUT -> Reason.TIMEOUT;
                case FAILED -> Reason.DTLS_FAILED;
            };
            owner.dtlsFailed(reason, e.getMessage());
        }
    }

    /** After the handshake: no application data is expected; reading lets Bouncy Castle retransmit and see alerts. */
    private void readUntilClosed(DTLSTransport t) {
        byte[] buf = new byte[2048];
        while (!closed) {
            try {
                t.receive(buf, 0, buf.length, 1000);
            } catch (IOException | RuntimeException e) {
                if (!closed) state = "closed"; // the peer's close_notify, or an alert
                return;
            }
        }
    }

    /** The transport failed before the handshake finished. */
    void failed() {
        if (!"connected".equals(state)) state = "failed";
    }

    /** Sends close_notify when connected (RFC 5246 §7.2.1) and ends the reader. */
    void close() {
        closed = true;
        DTLSTransport t = transport;
        if (t != null) {
            try {
                t.close();
            } catch (IOException | RuntimeException e) {
                // closing anyway
            }
        }
    }
}
