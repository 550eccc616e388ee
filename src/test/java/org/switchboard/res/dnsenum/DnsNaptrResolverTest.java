package org.switchboard.res.dnsenum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The DNS codec on its own: our query, and answers that are cut short or loop, as values, never exceptions. */
class DnsNaptrResolverTest {
    /** A response for id with our question and one NAPTR answer carrying {@code rdata}. */
    private static byte[] response(int id, int flags, byte[] rdata) {
        byte[] q = DnsNaptrResolver.query(id, "1.e164.arpa");
        ByteBuffer b = ByteBuffer.allocate(512);
        b.put(q);
        b.putShort(2, (short) flags);
        b.putShort(6, (short) 1);                                   // ANCOUNT
        b.putShort((short) 0xc00c).putShort((short) 35).putShort((short) 1).putInt(60).putShort((short) rdata.length).put(rdata);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    @Test
    void theQueryAsksForNaptrWithRecursion() {
        byte[] q = DnsNaptrResolver.query(0x1234, "4.3.2.1.e164.arpa");
        assertThat(q[0]).isEqualTo((byte) 0x12);
        assertThat(q[2]).isEqualTo((byte) 0x01);                    // RD
        assertThat(q[q.length - 3]).isEqualTo((byte) 35);            // QTYPE NAPTR
    }

    @Test
    void aRecordIsRead() {
        byte[] rdata = {0, 10, 0, 20, 1, 'u', 7, 'E', '2', 'U', '+', 's', 'i', 'p', 4, '!', 'a', '!', '!', 0};
        DnsNaptrResolver.Answer a = DnsNaptrResolver.parse(ByteBuffer.wrap(response(7, 0x8180, rdata)), 7);
        assertThat(a.error()).isNull();
        assertThat(a.records()).containsExactly(new NaptrRecord(10, 20, "u", "E2U+sip", "!a!!", "."));
    }

    @Test
    void badAnswersAreReasonsNotExceptions() {
        byte[] cut = {0, 10, 0, 20, 1, 'u', 7, 'E', '2'};
        assertThat(DnsNaptrResolver.parse(ByteBuffer.wrap(response(7, 0x8180, cut)), 7).error()).startsWith("a malformed answer");
        byte[] loop = response(7, 0x8180, new byte[] {0, 1, 0, 1, 0, 0, 0, (byte) 0xc0, 0});
        // the replacement name is a pointer to itself
        loop[loop.length - 2] = (byte) 0xc0;
        loop[loop.length - 1] = (byte) (loop.length - 2);
        assertThat(DnsNaptrResolver.parse(ByteBuffer.wrap(loop), 7).error()).startsWith("a malformed answer");
        assertThat(DnsNaptrResolver.parse(ByteBuffer.wrap(response(7, 0x8182, new byte[0])), 7).error()).isEqualTo("the server answered SERVFAIL");
        assertThat(DnsNaptrResolver.parse(ByteBuffer.wrap(response(7, 0x8183, new byte[0])), 7).records()).isEmpty();
        assertThat(DnsNaptrResolver.parse(ByteBuffer.wrap(response(8, 0x8180, new byte[0])), 7)).isNull();   // not our ID
        assertThat(DnsNaptrResolver.parse(ByteBuffer.wrap(new byte[3]), 0).error()).startsWith("a malformed answer");
    }

    @Test
    void substitutionExpressions() {
        assertThat(NaptrRegexp.parse("!^\\+(.*)$!sip:\\1@x!").regexp().apply("+4930")).isEqualTo("sip:4930@x");
        assertThat(NaptrRegexp.parse("#^.*$#sip:a\\#b@x#i").regexp().apply("+1")).isEqualTo("sip:a#b@x");
        assertThat(NaptrRegexp.parse("!^5!sip:x!").regexp().apply("+1")).isNull();
        assertThat(NaptrRegexp.parse("!^(.*$!x!").error()).startsWith("bad expression");
        assertThat(NaptrRegexp.parse("!^.*$!\\2!").error()).contains("group 2");
        assertThat(NaptrRegexp.parse("1^.*$1x1").error()).contains("delimiter");
        assertThat(NaptrRegexp.parse("!a!b!q").error()).contains("unknown flags");
    }
}
