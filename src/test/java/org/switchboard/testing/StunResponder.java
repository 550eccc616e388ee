package org.switchboard.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A STUN server for one test on 127.0.0.1 (RFC 8489 §6.3.1): it answers each Binding request with a
 * success response carrying the sender's address as XOR-MAPPED-ADDRESS, and keeps who asked.
 */
public final class StunResponder implements AutoCloseable {
    private static final int MAGIC = 0x2112A442;
    private final DatagramSocket socket;
    private final Thread thread;
    public final List<InetSocketAddress> askedBy = new CopyOnWriteArrayList<>();

    public StunResponder() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = Thread.ofPlatform().daemon().name("stun-responder").start(this::serve);
    }

    public int port() { return socket.getLocalPort(); }

    private void serve() {
        byte[] buf = new byte[1500];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketException e) {
                return;   // closed
            } catch (IOException e) {
                continue;
            }
            ByteBuffer in = ByteBuffer.wrap(p.getData(), 0, p.getLength());
            if (p.getLength() < 20 || in.getShort(0) != 0x0001 || in.getInt(4) != MAGIC) continue;
            InetSocketAddress from = (InetSocketAddress) p.getSocketAddress();
            askedBy.add(from);
            ByteBuffer out = ByteBuffer.allocate(32);
            out.putShort((short) 0x0101).putShort((short) 12).putInt(MAGIC).put(p.getData(), 8, 12);
            byte[] a = from.getAddress().getAddress();
            out.putShort((short) 0x0020).putShort((short) 8).put((byte) 0).put((byte) 1)
                    .putShort((short) (from.getPort() ^ (MAGIC >>> 16))).putInt(ByteBuffer.wrap(a).getInt() ^ MAGIC);
            try {
                socket.send(new DatagramPacket(out.array(), out.position(), from));
            } catch (IOException e) {
                // the asker went away
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
