package org.switchboard.net.dtls;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/**
 * Bouncy Castle's blocking DTLS reads and writes datagrams through this: the socket's reader
 * (an event loop) {@link #offer}s each DTLS record it demultiplexed (RFC 7983), the handshake
 * thread takes them, and what DTLS sends goes to {@link Sender}, which must not block. The queue
 * is bounded: a flood of records is dropped, as the network would.
 */
public final class DatagramPipe implements DatagramTransport {
    /** Where DTLS records go: the selected ICE pair's socket and address. Must not block. */
    @FunctionalInterface
    public interface Sender {
        void send(byte[] buf, int off, int len) throws IOException;
    }

    private static final byte[] CLOSED = new byte[0];
    /** RFC 8261-style margin under a 1280-byte IPv6 path: a flight is split into records that fit. */
    private static final int SEND_LIMIT = 1200;
    private static final int RECEIVE_LIMIT = 2048;

    private final BlockingQueue<byte[]> in = new ArrayBlockingQueue<>(64);
    private final Sender sender;
    private volatile boolean closed;

    public DatagramPipe(Sender sender) { this.sender = sender; }

    /** A received DTLS record (copied by the caller); false when dropped (queue full or closed). */
    public boolean offer(byte[] record) { return !closed && in.offer(record); }

    @Override
    public int getReceiveLimit() { return RECEIVE_LIMIT; }

    @Override
    public int getSendLimit() { return SEND_LIMIT; }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) throw new java.net.SocketException("DTLS transport closed");
        byte[] r;
        try {
            r = in.poll(Math.max(0, waitMillis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("DTLS receive interrupted");
        }
        if (r == null) return -1; // BC: nothing within waitMillis
        if (r == CLOSED) throw new java.net.SocketException("DTLS transport closed");
        int n = Math.min(len, r.length);
        System.arraycopy(r, 0, buf, off, n);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) throw new java.net.SocketException("DTLS transport closed");
        sender.send(buf, off, len);
    }

    /** Wakes a handshake waiting in {@link #receive}; idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        in.clear();
        in.offer(CLOSED);
    }
}
