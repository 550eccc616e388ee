package org.switchboard.res.manager;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.core.PbxLog;

/**
 * The Netty side of one Manager connection: bytes in through an {@link AmiParser} to the
 * {@link ManagerSession}; rendered messages out through a bounded queue. Producers (the session's
 * thread, call threads publishing events) only add to the queue; the channel's event loop writes
 * while the socket takes data. A client whose queue fills is disconnected with a log line, so a
 * client that stops reading never slows calls or other clients.
 */
final class AmiChannelHandler extends ChannelInboundHandlerAdapter implements AmiTransport {
    /** Queued messages are copied together into buffers of up to this many bytes. */
    private static final int BATCH_BYTES = 32 * 1024;
    /** How long queued messages may wait for company before they are written. */
    private static final long DRAIN_DELAY_US = 1000;
    private final ManagerModule module;
    private final int queueLimit;
    private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Channel channel;
    private ManagerSession session;
    private AmiParser parser;

    AmiChannelHandler(ManagerModule module, int queueLimit) {
        this.module = module;
        this.queueLimit = queueLimit;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        if (!module.admitUnauthenticated()) {
            // authlimit: as many unauthenticated sessions as allowed already wait; refuse this one
            PbxLog.debug("manager.c", "authlimit reached, refusing connection from " + remote());
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
        PbxLog.debug("manager.c", "Manager connection from " + remote() + " failed: " + cause);
        ctx.close();
    }

    // ---- AmiTransport ----

    @Override
    public boolean send(byte[] message) {
        if (closing.get()) return false;
        if (queued.incrementAndGet() > queueLimit) {
            overflow();
            return false;
        }
        queue.offer(message);
        // coalesce: one drain per millisecond at most, so a busy PBX does not wake the event loop per event
        if (drainScheduled.compareAndSet(false, true)) channel.eventLoop().schedule(this::drain, DRAIN_DELAY_US, TimeUnit.MICROSECONDS);
        return true;
    }

    private void overflow() {
        if (!closing.compareAndSet(false, true)) return;
        String who = session == null || session.userName().isEmpty() ? "" : "'" + session.userName() + "' ";
        PbxLog.warning("manager.c", "Manager session " + who + "from " + remote().getAddress().getHostAddress()
                + " is not reading: disconnecting it with " + queueLimit + " messages queued");
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
            queued.decrementAndGet();
            byte[] next = queue.peek();
            if (next == null) {
                ch.write(Unpooled.wrappedBuffer(b), ch.voidPromise());
            } else {
                ByteBuf buf = ch.alloc().ioBuffer(Math.max(BATCH_BYTES, b.length));
                buf.writeBytes(b);
                while (next != null && buf.readableBytes() + next.length <= BATCH_BYTES) {
                    queue.poll();
                    queued.decrementAndGet();
                    buf.writeBytes(next);
                    next = queue.peek();
                }
                ch.write(buf, ch.voidPromise());
            }
            wrote = true;
        }
        if (wrote) ch.flush();
        if (!queue.isEmpty() && ch.isWritable() && drainScheduled.compareAndSet(false, true)) ch.eventLoop().execute(this::drain);
    }

    @Override
    public void close() {
        Channel ch = channel;
        if (ch == null) return;
        ch.eventLoop().execute(() -> {
            drain();
            if (queue.isEmpty() || !ch.isWritable()) {
                closing.set(true);
                ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            } else {
                close();
            }
        });
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

    int queued() { return Math.max(0, queued.get()); }
}
