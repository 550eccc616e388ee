package org.switchboard.res.manager;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * manager.conf's {@code writetimeout} (per user, milliseconds, default 100): "if the device
 * connected via this user accepts input slowly, the timeout for writes to it can be increased to
 * keep it from being disconnected". manager.c gives up on a write that makes no progress for that
 * long; we do the same without blocking anyone: while bytes wait in the socket layer, a client
 * whose socket takes none of them for the timeout is reported stalled. Progress is every byte the
 * socket accepts (a progressive promise on each write), so a slow reader that keeps reading stays.
 * Everything but {@link #timeoutMs(int)} runs on the channel's event loop.
 */
final class WriteStallWatch implements ChannelProgressiveFutureListener {
    /** Asterisk's default writetimeout, also used before a user has logged in. */
    static final int DEFAULT_TIMEOUT_MS = 100;

    private final Channel channel;
    private final Runnable onStall;
    private volatile int timeoutMs = DEFAULT_TIMEOUT_MS;
    private long lastProgressNanos = System.nanoTime();
    private ScheduledFuture<?> check;

    WriteStallWatch(Channel channel, Runnable onStall) {
        this.channel = channel;
        this.onStall = onStall;
    }

    /** The logged-in user's writetimeout. */
    void timeoutMs(int ms) { timeoutMs = Math.max(1, ms); }

    int timeoutMs() { return timeoutMs; }

    /** Bytes written to the channel that its socket has not taken yet (0 once closed). */
    static long pending(Channel ch) {
        ChannelOutboundBuffer b = ch.unsafe().outboundBuffer();
        return b == null ? 0 : b.totalPendingWriteBytes();
    }

    /** A promise for one write that tells us whenever the socket takes some of its bytes. */
    ChannelPromise promise() {
        // nothing was waiting: the wait for this write starts now, not at the last write long ago
        if (pending(channel) == 0) lastProgressNanos = System.nanoTime();
        return channel.newProgressivePromise().addListener(this);
    }

    /** After a flush: if the socket did not take everything, watch for a stall. */
    void flushed() {
        if (check == null && pending(channel) > 0) schedule(timeoutMs);
    }

    private void schedule(long ms) {
        check = channel.eventLoop().schedule(this::check, ms, TimeUnit.MILLISECONDS);
    }

    private void check() {
        check = null;
        if (!channel.isActive() || pending(channel) == 0) return;
        long idleMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastProgressNanos);
        if (idleMs >= timeoutMs) {
            onStall.run();
            return;
        }
        schedule(timeoutMs - idleMs);
    }

    @Override
    public void operationProgressed(ChannelProgressiveFuture future, long progress, long total) {
        lastProgressNanos = System.nanoTime();
    }

    @Override
    public void operationComplete(ChannelProgressiveFuture future) {
        lastProgressNanos = System.nanoTime();
    }
}
