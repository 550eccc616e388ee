package org.switchboard.net.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A STUN server set in the settings gives a server-reflexive candidate (RFC 8445 §5.1.1.2), asked
 * through the same socket as the host candidate: a small Binding responder on loopback plays the
 * server and says the request came from 203.0.113.5 (RFC 5737), as a NAT would.
 */
class IceStunTest {
    @Test
    void aStunServerGivesAServerReflexiveCandidateAfterTheHostOne() throws Exception {
        try (StunResponder stun = new StunResponder()) {
            IceSettings s = new IceSettings(List.of(IcePeers.LOOPBACK), stun.address(), 0, 0, Duration.ofSeconds(5));
            try (IceDtlsTransport t = IceDtlsTransport.open(s, true)) {
                List<IceCandidate> c = t.localCandidates();
                assertThat(c).extracting(IceCandidate::type).containsExactly("host", "srflx");
                IceCandidate srflx = c.get(1);
                assertThat(srflx.ip()).isEqualTo("203.0.113.5");
                assertThat(srflx.port()).isEqualTo(t.localAddress().getPort());
                assertThat(srflx.relAddr()).isEqualTo("127.0.0.1");
                assertThat(srflx.relPort()).isEqualTo(t.localAddress().getPort());
                assertThat(srflx.priority()).isLessThan(c.get(0).priority());
                assertThat(stun.requests.get()).isPositive();
            }
        }
    }

    /** Answers every Binding request (RFC 8489 §6.3) with an XOR-MAPPED-ADDRESS of 203.0.113.5 and the source port. */
    static final class StunResponder implements AutoCloseable {
        final DatagramSocket socket = new DatagramSocket(0, IcePeers.LOOPBACK);
        final AtomicInteger requests = new AtomicInteger();

        StunResponder() throws SocketException {
            Thread.ofPlatform().daemon().name("stun-responder").start(this::serve);
        }

        InetSocketAddress address() { return (InetSocketAddress) socket.getLocalSocketAddress(); }

        private void serve() {
            byte[] buf = new byte[1500];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    ByteBuffer in = ByteBuffer.wrap(buf, 0, p.getLength());
                    if (p.getLength() < 20 || in.getShort(0) != 0x0001) continue;
                    requests.incrementAndGet();
                    ByteBuffer out = ByteBuffer.allocate(32);
                    out.putShort((short) 0x0101).putShort((short) 12).putInt(0x2112A442);
                    out.put(buf, 8, 12); // the transaction ID
                    out.putShort((short) 0x0020).putShort((short) 8).put((byte) 0).put((byte) 1);
                    out.putShort((short) (p.getPort() ^ 0x2112));
                    out.putInt((203 << 24 | 113 << 8 | 5) ^ 0x2112A442);
                    socket.send(new DatagramPacket(out.array(), 32, p.getSocketAddress()));
                } catch (java.io.IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() { socket.close(); }
    }
}
