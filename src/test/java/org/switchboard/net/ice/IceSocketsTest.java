package org.switchboard.net.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where an ICE socket binds in rtp.conf's range. The RTP engine hands SIP legs their ports in
 * order from the start of the same range, so under load the range holds a dense block of used
 * ports: a call must still find one of the free ones (200 SIP calls at once used to fail an ICE
 * call in fifty: it probed 200 neighbouring ports from a random start, all inside the block).
 */
class IceSocketsTest {
    @Test
    void findsAFreePortPastADenseBlockOfUsedOnes() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        int base = 47000, size = 1000, used = 600;
        List<DatagramSocket> taken = new ArrayList<>();
        List<NettyIceSocket> ours = new ArrayList<>();
        try {
            for (int p = base; p < base + used; p++) {
                try {
                    taken.add(new DatagramSocket(new InetSocketAddress(lo, p)));
                } catch (SocketException e) {
                    // in use already: as good as taken
                }
            }
            IceSettings s = new IceSettings(List.of(lo), null, base, base + size - 1, Duration.ofSeconds(5));
            for (int i = 0; i < 40; i++) {
                List<NettyIceSocket> bound = IceSockets.bind(s, IceIo.group().next(), (sock, b, from) -> { });
                ours.addAll(bound);
                int port = bound.get(0).local().getPort();
                assertThat(port).isBetween(base + used, base + size - 1);
            }
        } finally {
            for (NettyIceSocket n : ours) n.channel().close().awaitUninterruptibly();
            for (DatagramSocket d : taken) d.close();
        }
    }
}
