package org.switchboard.net.xmpp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.switchboard.core.PbxLog;

/**
 * Keeps one XMPP client logged in, for every account the PBX holds (chan_skype's accounts,
 * res_xmpp's clients): connect, log in, wait for the stream to end, connect again. A failed
 * attempt waits 0.5 s, then twice as long each time up to the client's maximum; a session that
 * was logged in retries after 0.5 s; a session another client pushed out (stream error
 * {@code conflict}, RFC 6120 §4.9.3.3: the same resource logged in elsewhere) waits the maximum,
 * so the two do not take turns every half second. Runs on its own virtual thread; what to log
 * and which state to show is the client's.
 */
public final class XmppLoginLoop {
    private static final long FIRST_RETRY_MS = 500;

    /** What the loop asks of the account it keeps logged in. */
    public interface Client {
        /** A new connection with the account's listeners attached, not yet connected. */
        XMPPTCPConnection open() throws Exception;

        /** Logged in: load the roster, send presence, show the state. Throwing counts as a failed login. */
        void loggedIn(XMPPTCPConnection c) throws Exception;

        /** A logged-in session ended; {@code conflict}: another client took our resource. */
        void lost(String reason, boolean conflict);

        /** Attempt {@code attempt} to log in failed; the next comes in {@code retryMs}. */
        void failed(int attempt, String reason, long retryMs);

        /** The longest wait between attempts. */
        long reconnectMaxMs();

        /** The loop has ended (after {@link #stop()}). */
        void stopped();
    }

    private final String threadName;
    private final Client client;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;
    private volatile XMPPTCPConnection conn;

    public XmppLoginLoop(String threadName, Client client) {
        this.threadName = threadName;
        this.client = client;
    }

    /** The connection now (connecting or logged in), or null between attempts. */
    public XMPPTCPConnection connection() { return conn; }

    public void start() {
        running = true;
        thread = Thread.ofVirtual().name(threadName).start(PbxLog.carried(this::run));   // for the PBX that starts it
    }

    /** Logs out and stops reconnecting; waits up to 3 s for the goodbye to go out. */
    public void stop() {
        running = false;
        wake.release();
        XMPPTCPConnection c = conn;
        if (c != null) {
            try {
                c.disconnect();
            } catch (RuntimeException e) {
                // already gone
            }
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        int failures = 0;
        while (running) {
            CompletableFuture<Exception> closed = new CompletableFuture<>();
            XMPPTCPConnection c = null;
            boolean wasIn = false;
            boolean kicked = false;
            try {
                c = client.open();
                c.addConnectionListener(new ConnectionListener() {
                    @Override public void connectionClosed() { closed.complete(null); }
                    @Override public void connectionClosedOnError(Exception e) { closed.complete(e); }
                });
                conn = c;
                c.connect();
                c.login();
                client.loggedIn(c);
                failures = 0;
                wasIn = true;
                Exception why = closed.get();
                if (!running) break;
                String reason = why == null ? "the server closed the connection" : XmppFailures.reason(why);
                kicked = reason.contains("conflict");
                client.lost(reason, kicked);
            } catch (InterruptedException e) {
                if (!running) break;
            } catch (Exception e) {
                if (!running) break;
                failures++;
                client.failed(failures, XmppFailures.reason(e), backoff(failures));
            } finally {
                if (c != null) {
                    try {
                        c.disconnect();
                    } catch (RuntimeException e) {
                        // gone already
                    }
                }
                if (conn == c) conn = null;
            }
            if (!running) break;
            long delay;
            if (kicked) {
                delay = Math.max(FIRST_RETRY_MS, client.reconnectMaxMs());
                failures = 0;
            } else if (wasIn) {
                delay = FIRST_RETRY_MS;
                failures = 0;
            } else {
                delay = backoff(failures);
            }
            try {
                if (wake.tryAcquire(delay, TimeUnit.MILLISECONDS) && !running) break;
            } catch (InterruptedException e) {
                if (!running) break;
            }
        }
        client.stopped();
    }

    private long backoff(int failures) {
        long d = FIRST_RETRY_MS << Math.min(16, Math.max(0, failures - 1));
        return Math.min(d, Math.max(FIRST_RETRY_MS, client.reconnectMaxMs()));
    }

    /** {@code 2 s}, {@code 0.5 s}: a wait as a log line says it. */
    public static String seconds(long ms) {
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
