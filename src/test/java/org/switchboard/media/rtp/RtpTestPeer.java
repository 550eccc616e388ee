package org.switchboard.media.rtp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.core.Frame;

/** The far end in session tests: a plain DatagramSocket on 127.0.0.1 that sends and receives RTP. */
final class RtpTestPeer implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final DatagramSocket socket;

    RtpTestPeer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    }

    RtpTestPeer(int port) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, port));
    }

    /** An RTP peer and its RTCP peer on port+1, both free, from 32000 up. */
    static RtpTestPeer[] withRtcp() throws IOException {
        for (int port = 32000; port < 33000; port += 2) {
            RtpTestPeer rtp;
            try {
                rtp = new RtpTestPeer(port);
            } catch (IOException busy) {
                continue;
            }
            try {
                return new RtpTestPeer[] {rtp, new RtpTestPeer(port + 1)};
            } catch (IOException busy) {
                rtp.close();
            }
        }
        throw new IOException("no free port pair in 32000-32999");
    }

    InetSocketAddress address() { return (InetSocketAddress) socket.getLocalSocketAddress(); }

    void send(byte[] data, InetSocketAddress to) throws IOException {
        socket.send(new DatagramPacket(data, data.length, to));
    }

    /** Sends one RTP packet to {@code to}. */
    void sendRtp(InetSocketAddress to, boolean marker, int pt, int seq, int ts, int ssrc, byte[] payload)
            throws IOException {
        byte[] buf = new byte[12 + payload.length];
        RtpWriter.write(buf, 0, marker, pt, seq, ts, ssrc, payload, 0, payload.length);
        send(buf, to);
    }

    /** The next datagram within {@code millis}, or null. */
    byte[] receive(int millis) throws IOException {
        socket.setSoTimeout(millis);
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return Arrays.copyOf(p.getData(), p.getLength());
    }

    /** The next RTP packet within 2 s; fails the test when none comes. */
    RtpPacket receiveRtp() throws IOException {
        byte[] b = receive(2000);
        if (b == null) throw new AssertionError("no RTP packet within 2 s");
        RtpParseResult r = RtpParser.parse(b);
        if (!(r instanceof RtpPacket p)) throw new AssertionError("not RTP: " + r);
        return p;
    }

    static byte[] payload(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (seed + i * 7);
        return b;
    }

    @Override
    public void close() { socket.close(); }

    /** A session listener that queues what it gets. */
    static final class Recorder implements RtpSession.Listener {
        final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
        final AtomicInteger timeouts = new AtomicInteger();

        @Override public void onVoice(RtpSession s, Frame.VoiceFrame f) { frames.add(f); }
        @Override public void onDtmf(RtpSession s, Frame.DtmfFrame f) { frames.add(f); }
        @Override public void onTimeout(RtpSession s) { timeouts.incrementAndGet(); }

        /** The next frame within 2 s; fails when none comes. */
        Frame next() throws InterruptedException {
            Frame f = frames.poll(2, TimeUnit.SECONDS);
            if (f == null) throw new AssertionError("no frame within 2 s");
            return f;
        }
    }
}
