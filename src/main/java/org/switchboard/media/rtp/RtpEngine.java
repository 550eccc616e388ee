package org.switchboard.media.rtp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.core.PbxLog;

/**
 * The RTP side of the PBX, shared by every call: two Netty I/O threads ({@code rtp-io-N}) that
 * read and write all UDP sessions' sockets, one timer thread for DTMF pacing, RTP timeouts and
 * RTCP reports of every session whatever its transport, and the UDP port allocator.
 * {@link #open(RtpSession.Listener)} hands out one {@link RtpSession} per audio stream over a
 * {@link UdpRtpTransport}, on the next free even port of rtp.conf's range (RTCP on port+1,
 * RFC 3550 §11), round-robin as res_rtp_asterisk does so a port just freed is not reused at
 * once; {@link #open(RtpTransport, RtpSession.Listener)} runs one over any other transport.
 *
 * <p>NIO transport: native epoll is not on the class path (see the pom).
 */
public final class RtpEngine implements AutoCloseable {
    static final long RTCP_INTERVAL_MILLIS = 5000; // RFC 3550 §6.2: the minimum, not randomised here

    private final InetAddress bindAddress;
    private final RtpConfig config;
    private final EventLoopGroup group;
    private final ScheduledExecutorService timer;
    private final boolean ownTimer;
    private final java.time.Clock clock;
    private final java.util.List<java.util.concurrent.ScheduledFuture<?>> periodic = new java.util.ArrayList<>();
    private final Set<RtpSession> sessions = ConcurrentHashMap.newKeySet();
    private final Set<Integer> usedPorts = new HashSet<>(); // guarded by this
    /** Bound pairs between calls (see {@link RtpPortPair}); at most {@link #MAX_IDLE} are kept. */
    private final java.util.concurrent.ConcurrentLinkedQueue<RtpPortPair> idle = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final int MAX_IDLE = 4096;
    private final java.util.concurrent.atomic.AtomicInteger idleCount = new java.util.concurrent.atomic.AtomicInteger();
    private static final long REUSE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);
    /**
     * A pair idle this long is closed: the pool is for the next calls of a busy hour, and pairs a
     * burst left behind would otherwise hold their sockets and heap while the PBX idles.
     */
    static final long CLOSE_IDLE_AFTER_MILLIS = 60_000;
    private final int firstPort;
    private final int portCount;
    private int cursor; // guarded by this
    private volatile boolean closed;

    /** With its own timer thread and the system clock (a PBX passes its timer service instead). */
    public RtpEngine(InetAddress bindAddress, RtpConfig cfg) {
        this(bindAddress, cfg, RTCP_INTERVAL_MILLIS, null, java.time.Clock.systemUTC());
    }

    /** On the PBX's timer service and clock: DTMF pacing, RTP timeouts and RTCP reports run there. */
    public RtpEngine(InetAddress bindAddress, RtpConfig cfg, ScheduledExecutorService timers, java.time.Clock clock) {
        this(bindAddress, cfg, RTCP_INTERVAL_MILLIS, timers, clock);
    }

    /** With another RTCP report interval (tests). */
    RtpEngine(InetAddress bindAddress, RtpConfig cfg, long rtcpIntervalMillis) {
        this(bindAddress, cfg, rtcpIntervalMillis, null, java.time.Clock.systemUTC());
    }

    RtpEngine(InetAddress bindAddress, RtpConfig cfg, long rtcpIntervalMillis, ScheduledExecutorService timers, java.time.Clock clock) {
        this.bindAddress = bindAddress;
        this.config = cfg;
        this.clock = clock;
        this.firstPort = (cfg.rtpStart() + 1) & ~1;
        this.portCount = cfg.rtpEnd() < firstPort ? 0 : (cfg.rtpEnd() - firstPort) / 2 + 1;
        AtomicInteger ioThreads = new AtomicInteger();
        // the event loops and the timer write to the log of the PBX that builds the engine
        ThreadFactory io = org.switchboard.core.PbxLog.threadFactory(r -> {
            Thread t = new FastThreadLocalThread(r, "rtp-io-" + ioThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.group = new MultiThreadIoEventLoopGroup(2, io, NioIoHandler.newFactory());
        this.ownTimer = timers == null;
        this.timer = timers != null ? timers : Executors.newSingleThreadScheduledExecutor(org.switchboard.core.PbxLog.threadFactory(r -> {
            Thread t = new Thread(r, "rtp-timer");
            t.setDaemon(true);
            return t;
        }));
        // One task each for all sessions, not one per session.
        periodic.add(timer.scheduleAtFixedRate(this::everySecond, 1000, 1000, TimeUnit.MILLISECONDS));
        periodic.add(timer.scheduleAtFixedRate(this::rtcpReports, rtcpIntervalMillis, rtcpIntervalMillis, TimeUnit.MILLISECONDS));
    }

    /** The time the engine's timeouts are measured in (the PBX's clock). */
    java.time.Clock clock() { return clock; }

    public RtpConfig config() { return config; }

    /**
     * A new session over plain UDP ({@link UdpRtpTransport}) on the next free even port of the
     * range. Ports another process holds are skipped; when none is left:
     * {@code IOException("no free RTP port in 10000-20000")}. Blocks while binding, so not to be
     * called from a session listener (an rtp-io thread).
     */
    public RtpSession open(RtpSession.Listener listener) throws IOException {
        return open(new UdpRtpTransport(this, takePair()), listener);
    }

    /**
     * A new session over {@code transport} (ICE + DTLS-SRTP, or any other): the engine's timer
     * drives its DTMF pacing, RTP timeout and RTCP reports as for a UDP one. Closing the session
     * closes the transport.
     */
    public RtpSession open(RtpTransport transport, RtpSession.Listener listener) throws IOException {
        RtpSession s = new RtpSession(this, transport, listener, config.strictRtp(), config.dtmfTimeout());
        boolean added;
        synchronized (this) {
            added = !closed && sessions.add(s);
        }
        if (!added) {
            s.close();
            throw new IOException("RTP engine is closed");
        }
        s.start(); // outside the lock: another transport may do more than set two fields here
        return s;
    }

    /**
     * A plain UDP transport on the next free even port, for a caller that wraps it (SDES-SRTP)
     * before {@link #open(RtpTransport, RtpSession.Listener)}. Blocks while binding.
     */
    public RtpTransport openUdpTransport() throws IOException {
        return new UdpRtpTransport(this, takePair());
    }

    /** A bound pair: one idle for a while, else a fresh bind, else one just freed. */
    private RtpPortPair takePair() throws IOException {
        // a pair idle for a while is reused; one just freed only when no fresh port is left, so a
        // late packet of the last call does not reach the next one
        RtpPortPair pair;
        synchronized (idle) { // look and take as one step: never a pair freed a moment ago
            RtpPortPair head = idle.peek();
            pair = head != null && System.nanoTime() - head.idleSince >= REUSE_AFTER_NANOS ? idle.poll() : null;
        }
        if (pair == null) {
            try {
                pair = bindPair();
            } catch (IOException e) {
                synchronized (idle) {
                    pair = idle.poll();
                }
                if (pair == null) throw e;
            }
        }
        if (pair.pooled) idleCount.decrementAndGet();
        pair.pooled = false;
        return pair;
    }

    /** Binds a new pair on the next free even port. */
    private RtpPortPair bindPair() throws IOException {
        // the port is reserved under the lock; the two binds run outside it, in parallel, so call
        // set-ups do not queue behind each other's socket work
        for (int attempt = 0; attempt < portCount; attempt++) {
            int port = reserve();
            if (port < 0) break;
            RtpPortPair pair = new RtpPortPair(port, group.next());
            // the channels are set up on their own event loop: Netty caches per-thread what it learns
            // of each handler class, which a fresh virtual thread would learn again (by reflection) every call
            ChannelFuture[] binds = pair.loop.submit(() -> new ChannelFuture[] {
                bind(pair.loop, port, pair.rtpIn), bind(pair.loop, port + 1, pair.rtcpIn)}).syncUninterruptibly().getNow();
            ChannelFuture rtpF = binds[0];
            ChannelFuture rtcpF = binds[1];
            rtpF.awaitUninterruptibly();
            rtcpF.awaitUninterruptibly();
            if (rtpF.isSuccess() && rtcpF.isSuccess()) {
                pair.rtp = rtpF.channel();
                pair.rtcp = rtcpF.channel();
                return pair;
            }
            if (rtpF.isSuccess()) rtpF.channel().close();
            if (rtcpF.isSuccess()) rtcpF.channel().close();
            synchronized (this) {
                usedPorts.remove(port); // held by another process: the cursor has moved past it
            }
        }
        throw new IOException("no free RTP port in " + config.rtpStart() + "-" + config.rtpEnd());
    }

    /** The next free even port, marked used; -1 when none is left. */
    private synchronized int reserve() throws IOException {
        if (closed) throw new IOException("RTP engine is closed");
        for (int i = 0; i < portCount; i++) {
            int index = (cursor + i) % portCount;
            int port = firstPort + 2 * index;
            if (usedPorts.contains(port)) continue;
            usedPorts.add(port);
            cursor = (index + 1) % portCount;
            return port;
        }
        return -1;
    }

    /** Sessions open now. */
    public int activeSessions() { return sessions.size(); }

    private ChannelFuture bind(EventLoop loop, int port, ChannelHandler handler) {
        return new Bootstrap().group(loop).channel(NioDatagramChannel.class).handler(handler)
            .bind(new InetSocketAddress(bindAddress, port));
    }

    /** Closes the pairs idle for {@link #CLOSE_IDLE_AFTER_MILLIS}: the queue is oldest first. */
    private void closeLongIdlePairs(long now) {
        for (;;) {
            RtpPortPair pair;
            synchronized (idle) {
                RtpPortPair head = idle.peek();
                if (head == null || now - head.idleSinceMillis < CLOSE_IDLE_AFTER_MILLIS) return;
                pair = idle.poll();
            }
            idleCount.decrementAndGet();
            pair.pooled = false;
            synchronized (this) {
                usedPorts.remove(pair.port);
            }
            pair.close();
        }
    }

    /** Bound pairs waiting for the next call. */
    int idlePairs() { return idleCount.get(); }

    /** Called by a session as it closes: the timer stops serving it. */
    void unregister(RtpSession s) {
        sessions.remove(s);
    }

    /** Called by a {@link UdpRtpTransport} as it closes: its sockets wait, bound, for the next call. */
    void release(RtpPortPair pair) {
        boolean keep;
        synchronized (this) {
            pair.detach();
            keep = !closed && idleCount.get() < MAX_IDLE; // ConcurrentLinkedQueue.size() walks the queue
            if (!keep) usedPorts.remove(pair.port);
        }
        if (keep) {
            pair.idleSince = System.nanoTime();
            pair.idleSinceMillis = clock.millis();
            pair.pooled = true;
            idleCount.incrementAndGet();
            idle.offer(pair);
        }
        else pair.close();
    }

    ScheduledExecutorService timer() { return timer; }

    private void everySecond() {
        long now = clock.millis();
        closeLongIdlePairs(now);
        for (RtpSession s : sessions) {
            try {
                s.tick(now);
            } catch (RuntimeException e) {
                // one session's listener must not stop the timer for the others, nor fail unseen
                PbxLog.limited(PbxLog.Level.WARNING, "rtp_engine.c", "timer",
                        "RTP timer: a listener of " + s + " failed: " + e);
            }
        }
    }

    private void rtcpReports() {
        for (RtpSession s : sessions) {
            try {
                s.scheduleRtcp();
            } catch (RuntimeException e) {
                // a closed loop during shutdown is expected; anything else is worth one line
                if (!closed) PbxLog.limited(PbxLog.Level.WARNING, "rtp_engine.c", "rtcp",
                        "RTCP report for " + s + " failed: " + e);
            }
        }
    }

    /** Closes every session, then the I/O threads and the timer. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (RtpSession s : List.copyOf(sessions)) s.close();
        for (RtpPortPair p; (p = idle.poll()) != null; ) p.close();
        idleCount.set(0);
        for (java.util.concurrent.ScheduledFuture<?> f : periodic) f.cancel(false);
        if (ownTimer) timer.shutdownNow();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
