package org.switchboard.net.ice;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * ice4j's view of one of our Netty sockets: it reads only the STUN messages the transport's
 * demultiplexer hands it (RFC 7983: first byte 0-3), and sends its checks and responses through
 * the Netty channel. Media never passes here, so ice4j's threads and locks stay off the hot path.
 * ice4j reads with a blocking {@link #receive} on its own connector thread.
 */
final class NettyIceSocket extends org.ice4j.socket.IceSocketWrapper {
    /** ice4j tells UDP from TCP by whether a DatagramSocket is there; this one is never bound nor used. */
    private static final DatagramSocket UDP_MARKER = udpMarker();

    private record Datagram(byte[] data, InetSocketAddress from) {}

    private static final Datagram CLOSED = new Datagram(new byte[0], null);

    private final Channel channel;
    private final InetSocketAddress local;
    private final BlockingQueue<Datagram> in = new ArrayBlockingQueue<>(256);
    private volatile boolean closed;

    NettyIceSocket(Channel channel) {
        this.channel = channel;
        this.local = (InetSocketAddress) channel.localAddress();
    }

    Channel channel() { return channel; }

    InetSocketAddress local() { return local; }

    /** A STUN message read on the channel (on its event loop); copied, dropped when ice4j is behind. */
    void offer(ByteBuf content, InetSocketAddress from) {
        if (closed) return;
        byte[] b = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), b);
        in.offer(new Datagram(b, from));
    }

    @Override
    public void receive(DatagramPacket p) throws IOException {
        Datagram d;
        try {
            d = in.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SocketException("interrupted");
        }
        if (d == CLOSED) {
            in.offer(CLOSED); // every reader sees the end
            throw new SocketException("closed");
        }
        byte[] buf = p.getData();
        int n = Math.min(d.data.length, buf.length - p.getOffset());
        System.arraycopy(d.data, 0, buf, p.getOffset(), n);
        p.setLength(n);
        p.setSocketAddress(d.from);
    }

    @Override
    public void send(DatagramPacket p) throws IOException {
        if (closed || !channel.isActive()) throw new SocketException("closed");
        ByteBuf b = Unpooled.copiedBuffer(p.getData(), p.getOffset(), p.getLength());
        channel.writeAndFlush(new io.netty.channel.socket.DatagramPacket(b, (InetSocketAddress) p.getSocketAddress()),
            channel.voidPromise());
    }

    /** ice4j is done with it; the channel itself belongs to the transport. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        in.clear();
        in.offer(CLOSED);
    }

    @Override public InetAddress getLocalAddress() { return local.getAddress(); }
    @Override public int getLocalPort() { return local.getPort(); }
    @Override public SocketAddress getLocalSocketAddress() { return local; }
    @Override public Socket getTCPSocket() { return null; }
    @Override public DatagramSocket getUDPSocket() { return UDP_MARKER; }

    private static DatagramSocket udpMarker() {
        try {
            return new DatagramSocket((SocketAddress) null); // unbound
        } catch (SocketException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
