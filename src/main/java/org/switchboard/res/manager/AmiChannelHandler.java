package org.switchboard.res.manager;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.switchboard.core.PbxLog;

/**
 * The Netty side of one Manager connection: bytes in through an {@link AmiParser} to the
 * {@link ManagerSession}; rendered messages out through a queue bounded in bytes
 * ({@code sendqueuelimit}). Producers (the session's thread, call threads publishing events) only
 * add to the queue; the channel's event loop writes while the socket takes data. A client whose
 * queue would pass the limit, or whose socket takes nothing for its user's {@code writetimeout},
 * is disconnected with one log line, so a client that stops reading never slows calls or other
 * clients and costs at most the limit.
 */
final class AmiChannelHandler extends ChannelInboundHandlerAdapter implements AmiTransport {
    /** Queued messages are copied together into buffers of up to this many bytes (a quarter of a small limit). */
    private static final int BATCH_BYTES = 32 * 1024;
    /** How long queued messages may wait for company before they are written. */
    private static final long DRAIN_DELAY_US = 1000;
    private final ManagerModule module;
    private final long queueLimit;
    private final int batchBytes;
    private final OutboundQueue queue = new OutboundQueue();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean dropped = new AtomicBoolean();
    /** close() was called: the connection closes as soon as the queue is written out. */
    private volatile boolean closeWhenDrained;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Channel channel;
    private volatile WriteStallWatch stall;
    private ManagerSession session;
    private AmiParser parser;

    AmiChannelHandler(ManagerModule module, long queueLimit) {
        this.module = module;
        this.queueLimit = queueLimit;
        this.batchBytes = (int) Math.min(BATCH_BYTES, queueLimit / 4);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        channel.closeFuture().addListener(f -> closed.complete(null));
        stall = new WriteStallWatch(channel, () -> drop("took no data for " + stall.timeoutMs() + " ms (writetimeout)"));
        if (!module.admitUnauthenticated()) {
            // authlimit: as many unauthenticated sessions as allowed already wait; refuse this one
            PbxLog.limited(PbxLog.Level.DEBUG, "manager.c", remote().getAddress().getHostAddress(),
                    "authlimit reached, refusing connection from " + remote());
            ctx.close();
            return;
        }
        session = new ManagerSession(module, this);
        parser = new AmiParser(session::received);
        module.sessionOpened(session);
        send(AmiWriter.bytes("Asterisk Call Manager/" + ManagerModule.AMI_VERSION + "\r\n"));
        int timeout = module.config().authTimeoutSec();
        ctx.executor().schedule(() -> session.authTimeout(timeout), timeout, TimeUnit.SECONDS);
        session.start();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (parser == null || closing.get()) return;
            buf.forEachByte(b -> {
                parser.feed(b);
                return true;
            });
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing.set(true);
        queue.clear();
        if (session != null) session.closed();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) drain();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a reset connection is the client's business; anything else is our bug, and says so
        PbxLog.limited(cause instanceof java.io.IOException ? PbxLog.Level.DEBUG : PbxLog.Level.WARNING, "manager.c",
                remote().getAddress().getHostAddress(), "Manager connection from " + remote() + " failed: " + cause);
        ctx.close();
    }

    // ---- AmiTransport ----

    @Override
    public boolean send(byte[] message) {
        if (closing.get() || closeWhenDrained) return false;
        if (!queue.offer(message, WriteStallWatch.pending(channel), queueLimit)) {
            drop("is not reading");
            return false;
        }
        // coalesce: one drain per millisecond at most, so a busy PBX does not wake the event loop per event
        if (drainScheduled.compareAndSet(false, true)) channel.eventLoop().schedule(this::drain, DRAIN_DELAY_US, TimeUnit.MICROSECONDS);
        return true;
    }

    /** Disconnects a client that does not take what it is sent, with one line saying why; calls never wait for it. */
    private void drop(String why) {
        // also when a graceful close() waits for a client that does not read: that wait ends here
        if (!dropped.compareAndSet(false, true)) return;
        closing.set(true);
        String who = session == null || session.userName().isEmpty() ? "" : "'" + session.userName() + "' ";
        String address = remote().getAddress().getHostAddress();
        PbxLog.limited(PbxLog.Level.WARNING, "manager.c", address, String.format(Locale.ROOT,
                "Manager session %sfrom %s %s: disconnecting it with %,d bytes queued (sendqueuelimit %,d)",
                who, address, why, queuedBytes(), queueLimit));
        channel.eventLoop().execute(() -> {
            queue.clear();
            channel.close();
        });
    }

    /**
     * Writes what the socket takes now, many queued messages copied into each buffer so a busy
     * client costs few writes; the rest waits for writability. Runs on the event loop, the
     * queue's only consumer.
     */
    private void drain() {
        drainScheduled.set(false);
        Channel ch = channel;
        boolean wrote = false;
        byte[] b;
        while (ch.isWritable() && (b = queue.poll()) != null) {
            ByteBuf buf;
            byte[] next = queue.peek();
            if (next == null) {
                buf = Unpooled.wrappedBuffer(b);
            } else {
                buf = ch.alloc().ioBuffer(Math.max(batchBytes, b.length));
                buf.writeBytes(b);
                while (next != null && buf.readableBytes() + next.length <= batchBytes) {
                    queue.poll();
                    buf.writeBytes(next);
                    next = queue.peek();
                }
            }
            ch.write(buf, stall.promise());
            wrote = true;
        }
        if (wrote) {
            ch.flush();
            stall.flushed();
        }
        if (!queue.isEmpty() && ch.isWritable() && drainScheduled.compareAndSet(false, true)) ch.eventLoop().execute(this::drain);
        // a graceful close waits for what is queued: a client that is merely slow gets it all when
        // the socket drains (channelWritabilityChanged drains again), one that stops reading is
        // dropped by its writetimeout
        if (closeWhenDrained && queue.isEmpty() && closing.compareAndSet(false, true)) {
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public CompletableFuture<Void> close() {
        Channel ch = channel;
        if (ch == null) return CompletableFuture.completedFuture(null);
        closeWhenDrained = true;
        ch.eventLoop().execute(this::drain);
        return closed;
    }

    @Override
    public void writeTimeoutMs(int ms) {
        WriteStallWatch w = stall;
        if (w != null) w.timeoutMs(ms);
    }

    @Override
    public void setReading(boolean reading) {
        Channel ch = channel;
        if (ch != null) ch.config().setAutoRead(reading);
    }

    @Override
    public InetSocketAddress remote() { return (InetSocketAddress) channel.remoteAddress(); }

    @Override
    public InetSocketAddress local() { return (InetSocketAddress) channel.localAddress(); }

    /** Bytes waiting for this client: in our queue and in the socket layer (Netty's outbound buffer). */
    long queuedBytes() {
        Channel ch = channel;
        return queue.bytes() + (ch == null ? 0 : WriteStallWatch.pending(ch));
    }
}
