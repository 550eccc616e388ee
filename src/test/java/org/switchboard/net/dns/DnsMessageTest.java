package org.switchboard.net.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DNS codec without I/O: SRV, A and AAAA answers read, bad ones as reasons; RFC 2782's ordering. */
class DnsMessageTest {
    /** A response to our query for {@code name}/{@code type} with one answer of {@code type} carrying {@code rdata}. */
    private static byte[] response(int id, String name, int type, byte[] rdata) {
        byte[] q = DnsMessage.query(id, name, type);
        ByteBuffer b = ByteBuffer.allocate(512);
        b.put(q);
        b.putShort(2, (short) 0x8180);
        b.putShort(6, (short) 1);                                   // ANCOUNT
        b.putShort((short) 0xc00c).putShort((short) type).putShort((short) 1).putInt(300).putShort((short) rdata.length).put(rdata);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    @Test
    void anSrvRecordIsRead() {
        byte[] rdata = {0, 10, 0, 5, 0x13, (byte) 0xc4, 4, 's', 'i', 'p', '1', 4, 't', 'e', 's', 't', 0};
        DnsAnswer a = DnsMessage.parse(ByteBuffer.wrap(response(9, "_sip._udp.test", DnsMessage.TYPE_SRV, rdata)), 9);
        assertThat(a.error()).isNull();
        assertThat(a.all(DnsRecord.Srv.class)).containsExactly(new DnsRecord.Srv("_sip._udp.test", 300, 10, 5, 5060, "sip1.test"));
        assertThat(a.minTtl()).isEqualTo(300);
    }

    @Test
    void addressRecordsAreRead() throws Exception {
        DnsAnswer a = DnsMessage.parse(ByteBuffer.wrap(response(1, "h.test", DnsMessage.TYPE_A, new byte[] {127, 0, 0, 9})), 1);
        assertThat(a.all(DnsRecord.Address.class).get(0).address()).isEqualTo(InetAddress.getByName("127.0.0.9"));
        byte[] v6 = new byte[16];
        v6[15] = 1;
        DnsAnswer b = DnsMessage.parse(ByteBuffer.wrap(response(2, "h.test", DnsMessage.TYPE_AAAA, v6)), 2);
        assertThat(b.all(DnsRecord.Address.class).get(0).address()).isEqualTo(InetAddress.getByName("::1"));
        assertThat(DnsMessage.parse(ByteBuffer.wrap(response(3, "h.test", DnsMessage.TYPE_A, new byte[] {1, 2, 3})), 3).error())
            .startsWith("a malformed answer");
    }

    @Test
    void anSrvRecordCutShortIsAReason() {
        byte[] cut = {0, 10, 0, 5, 0x13};
        assertThat(DnsMessage.parse(ByteBuffer.wrap(response(9, "_sip._udp.test", DnsMessage.TYPE_SRV, cut)), 9).error())
            .startsWith("a malformed answer");
    }

    @Test
    void badNamesAreRefusedBeforeTheyAreSent() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DnsMessage.query(1, "a..b", DnsMessage.TYPE_A)))
            .hasMessageContaining("invalid DNS name");
        assertThat(DnsMessage.query(1, "example.test.", DnsMessage.TYPE_A)).isEqualTo(DnsMessage.query(1, "example.test", DnsMessage.TYPE_A));
    }

    @Test
    void srvTargetsGoByPriorityThenByWeightedDraw() {
        DnsRecord.Srv low = new DnsRecord.Srv("s", 0, 20, 0, 1, "low");
        DnsRecord.Srv heavy = new DnsRecord.Srv("s", 0, 10, 90, 2, "heavy");
        DnsRecord.Srv light = new DnsRecord.Srv("s", 0, 10, 10, 3, "light");
        // a draw of n picks the last of the running sums: heavy (10+90 = 100 >= 100), then light
        assertThat(SrvOrder.order(List.of(low, light, heavy), n -> n)).containsExactly(heavy, light, low);
        // a draw of 0 picks the first: light (weight 10, sorted before 90), then heavy
        assertThat(SrvOrder.order(List.of(low, heavy, light), n -> 0)).containsExactly(light, heavy, low);
        // RFC 2782: a lone "." target says the service is not offered
        assertThat(SrvOrder.order(List.of(new DnsRecord.Srv("s", 0, 0, 0, 0, ".")), n -> 0)).isEmpty();
    }

    @Test
    void addressesOfANameServerAreLiteralsWithAnOptionalPort() {
        assertThat(DnsResolver.address("127.0.0.1:5353").getPort()).isEqualTo(5353);
        assertThat(DnsResolver.address("127.0.0.1@5354").getPort()).isEqualTo(5354);
        assertThat(DnsResolver.address("[::1]:5355").getPort()).isEqualTo(5355);
        assertThat(DnsResolver.address("10.0.0.1").getPort()).isEqualTo(53);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DnsResolver.address("ns.example.com")))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
