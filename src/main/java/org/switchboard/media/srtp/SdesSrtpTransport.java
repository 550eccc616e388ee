package org.switchboard.media.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.media.rtp.RtpDemux;
import org.switchboard.media.rtp.RtpTransport;
import org.switchboard.net.dtls.Srtp;

/**
 * SRTP with SDES keys around another transport (a plain UDP port pair): protects what the
 * session sends, authenticates and decrypts what arrives, so the session above sees plain RTP
 * and RTCP, relays included. Until the offer/answer settles it either passes nothing
 * ({@link Mode#WAITING}: SRTP is required, no packet goes out or in unprotected) or, once told the
 * peer declined an optimistic offer, plain RTP ({@link Mode#PLAIN}).
 *
 * <p>A packet that fails authentication or the replay check is dropped and counted
 * ({@link #srtpAuthFailures()}); nothing of it reaches the session. Hot path on the inner
 * transport's event loop: copy into the Srtp scratch buffer, transform in place, no lock.
 */
public final class SdesSrtpTransport implements RtpTransport {
    private static final Capabilities SECURE = new Capabilities("udp-srtp-sdes", true, false, true);

    /** What passes. */
    public enum Mode { WAITING, PLAIN, SECURE }

    private final RtpTransport inner;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong authFailures = new AtomicLong();
    private volatile Mode mode;
    private volatile Srtp srtp;
    private volatile PacketHandler rtpHandler, rtcpHandler;

    private static volatile boolean warmed;

    /**
     * Runs one protect and unprotect on the calling thread, once per process: jitsi-srtp chooses
     * its AES implementation by timing them on first use, which takes long enough (seconds on a
     * loaded box) that it must not happen on an RTP event loop with other calls on it.
     */
    public static void warmUp() {
        if (warmed) return;
        byte[] k = new byte[16], salt = new byte[14];
        try (Srtp a = Srtp.sdes(k, salt, k, salt, 10)) {
            byte[] p = a.txReset(172);
            p[0] = (byte) 0x80;
            int n = a.protectRtp();
            System.arraycopy(a.txBuffer(), 0, a.rxReset(n), 0, n);
            a.unprotectRtp();
        }
        warmed = true;
    }

    /** {@code plainUntilKeyed}: pass plain RTP until {@link #secure} (an optimistic offer), else nothing. */
    public SdesSrtpTransport(RtpTransport inner, boolean plainUntilKeyed) {
        this.inner = inner;
        this.mode = plainUntilKeyed ? Mode.PLAIN : Mode.WAITING;
    }

    public Mode mode() { return mode; }

    /** From now on packets are protected with {@code keys} (replacing earlier ones, on a new offer/answer). */
    public void secure(Srtp keys) {
        onLoop(() -> {
            Srtp old = srtp;
            if (closed.get()) {
                keys.close();
                return;
            }
            srtp = keys;
            mode = Mode.SECURE;
            if (old != null) old.close();
        }, keys::close);
    }

    /** The peer took plain RTP (an optimistic offer declined): packets pass unprotected. */
    public void plain() {
        onLoop(() -> {
            Srtp old = srtp;
            srtp = null;
            mode = Mode.PLAIN;
            if (old != null) old.close();
        }, () -> { });
    }

    @Override
    public long srtpAuthFailures() { return authFailures.get(); }

    @Override
    public void receive(PacketHandler rtp, PacketHandler rtcp) {
        rtpHandler = rtp;
        rtcpHandler = rtcp;
        inner.receive((b, from) -> in(b, from, false), (b, from) -> in(b, from, true));
    }

    private void in(ByteBuf b, InetSocketAddress from, boolean rtcpFlow) {
        PacketHandler h = rtcpFlow ? rtcpHandler : rtpHandler;
        switch (mode) {
            case WAITING -> { }
            case PLAIN -> h.onPacket(b, from);
            case SECURE -> {
                Srtp s = srtp;
                int len = b.readableBytes();
                if (s == null || len < 8) return;
                int n = s.unprotectInPlace(b, rtcpFlow || RtpDemux.isRtcp(b));
                if (n < 0) {
                    if (Srtp.rejected(n)) authFailures.incrementAndGet(); // dropped, never delivered
                    return;
                }
                h.onPacket(b, from);
            }
        }
    }

    @Override
    public void sendRtp(ByteBuf packet, InetSocketAddress to) { out(packet, to, false); }

    @Override
    public void sendRtcp(ByteBuf packet, InetSocketAddress to) { out(packet, to, true); }

    private void out(ByteBuf packet, InetSocketAddress to, boolean rtcp) {
        EventExecutor loop = inner.eventLoop();
        if (!loop.inEventLoop()) {
            try {
                loop.execute(() -> out(packet, to, rtcp));
            } catch (RejectedExecutionException e) {
                packet.release();
            }
            return;
        }
        Mode m = mode;
        if (m == Mode.PLAIN) {
            if (rtcp) inner.sendRtcp(packet, to);
            else inner.sendRtp(packet, to);
            return;
        }
        Srtp s = srtp;
        if (m == Mode.WAITING || s == null || closed.get()) {
            packet.release(); // never plain RTP while SRTP is required
            return;
        }
        ByteBuf wire = s.protect(packet, rtcp, inner.alloc());
        if (wire == null) return;
        if (rtcp) inner.sendRtcp(wire, to);
        else inner.sendRtp(wire, to);
    }

    private void onLoop(Runnable r, Runnable ifGone) {
        try {
            inner.eventLoop().execute(r);
        } catch (RejectedExecutionException e) {
            ifGone.run();
        }
    }

    @Override
    public ByteBufAllocator alloc() { return inner.alloc(); }

    @Override
    public EventExecutor eventLoop() { return inner.eventLoop(); }

    @Override
    public InetSocketAddress localAddress() { return inner.localAddress(); }

    @Override
    public Capabilities capabilities() { return mode == Mode.SECURE ? SECURE : inner.capabilities(); }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        inner.close();
        onLoop(() -> {
            Srtp s = srtp;
            srtp = null;
            if (s != null) s.close();
        }, () -> {
            Srtp s = srtp;
            if (s != null) s.close();
        });
    }

    @Override
    public String toString() { return "sdes-srtp(" + inner + ")"; }
}
