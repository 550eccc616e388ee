package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.testing.DnsmasqServer;
import org.switchboard.testing.TestPbx;

/**
 * ENUMLOOKUP, ENUMQUERY and ENUMRESULT against dnsmasq on loopback serving NAPTR records
 * (RFC 6116 / RFC 3403), pointed at by enum.conf's nameserver; the machine's resolver is not used.
 */
class EnumLookupTest {
    static DnsmasqServer dns;

    @TempDir Path dir;
    TestPbx pbx;
    Channel c;

    @BeforeAll
    static void startDns() throws Exception {
        String n = "4.3.2.1.0.3.9.4.e164.arpa";
        dns = new DnsmasqServer(List.of("e164.arpa", "e164.example", "freenum.org"), java.util.stream.Stream.concat(java.util.stream.Stream.of(
                n + ",100,10,u,E2U+sip,!^.*$!sip:info@example.com!",
                n + ",50,10,u,E2U+sip,!^\\+(.*)$!sip:\\1@pbx.example.com!",
                n + ",100,20,u,E2U+voice:tel,!^\\+49(.*)$!tel:+49-\\1!",
                n + ",200,10,u,E2U+email:mailto,!^.*$!mailto:info@example.com!",
                n + ",300,10,,E2U+sip,,next.example.com",
                // a record with a regexp that cannot compile, before a good one
                "5.5.5.5.e164.arpa,10,10,u,E2U+sip,!^(.*$!sip:\\1@broken.example!",
                "5.5.5.5.e164.arpa,20,10,u,E2U+sip,!^.*$!sip:good@example.com!",
                "6.6.6.6.e164.arpa,10,10,u,E2U+sip,!^.*$",
                // only in the second search zone
                "9.9.9.9.e164.example,10,10,u,E2U+sip,!^.*$!sip:second@example.net!",
                // ISN 1234*256
                "4.3.2.1.256.freenum.org,10,10,u,E2U+sip,!^.*$!sip:1234@itad.example!",
                // direct: 8888.e164.arpa
                "8888.e164.arpa,10,10,u,E2U+sip,!^.*$!sip:direct@example.com!",
                // infrastructure ENUM: +43 1 2345 under the branch label, apart from the user ENUM tree
                "5.4.3.2.1.i.3.4.e164.arpa,10,10,u,E2U+sip,!^.*$!sip:carrier@ienum.example!",
                "5.4.3.2.1.3.4.e164.arpa,10,10,u,E2U+sip,!^.*$!sip:user@enum.example!",
                "5.4.3.2.i.1.e164.arpa,10,10,u,E2U+sip,!^.*$!sip:nanp@ienum.example!"),
                manyRecords().stream()).toList());
    }

    /** +7777: more records than a 512-byte UDP answer holds, so the server sets TC and only TCP carries them all. */
    private static List<String> manyRecords() {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            out.add("7.7.7.7.e164.arpa," + (100 + i) + ",10,u,E2U+sip,!^.*$!sip:long-enough-to-fill-the-packet-" + i + "@truncated.example!");
        }
        return out;
    }

    @AfterAll
    static void stopDns() { if (dns != null) dns.close(); }

    @BeforeEach
    void up() throws Exception {
        Files.writeString(dir.resolve("enum.conf"), """
                [general]
                search => e164.arpa
                search => e164.example
                nameserver = 127.0.0.1:%d
                timeout = 0.5
                """.formatted(dns.port));
        Files.writeString(dir.resolve("extensions.conf"), "[default]\n");
        pbx = new TestPbx(dir);
        c = pbx.channel();
    }

    @AfterEach
    void down() { pbx.close(); }

    String eval(String text) { return pbx.eval(c, text); }

    @Test
    void theFirstSipRecordByOrderAndPreferenceWithoutItsScheme() {
        assertThat(eval("${ENUMLOOKUP(+49 30 1234)}")).isEqualTo("49301234@pbx.example.com");
        assertThat(eval("${ENUMLOOKUP(+4930-1234,sip,,2)}")).isEqualTo("info@example.com");
        assertThat(eval("${ENUMLOOKUP(+4930-1234,sip,u)}")).isEqualTo("sip:49301234@pbx.example.com");
        assertThat(eval("${ENUMLOOKUP(+4930-1234,sip,,3)}")).isEmpty();
    }

    @Test
    void otherEnumservicesAndCounts() {
        assertThat(eval("${ENUMLOOKUP(+4930-1234,tel)}")).isEqualTo("+49-301234");
        assertThat(eval("${ENUMLOOKUP(+4930-1234,mailto,u)}")).isEqualTo("mailto:info@example.com");
        assertThat(eval("${ENUMLOOKUP(+4930-1234,sip,c)}")).isEqualTo("2");
        assertThat(eval("${ENUMLOOKUP(+4930-1234,ALL,c)}")).isEqualTo("4");
        assertThat(eval("${ENUMLOOKUP(+4930-1234,ALL,,4,e164.arpa)}")).isEqualTo("info@example.com");
    }

    @Test
    void zonesOptionsAndTheSearchList() {
        // only the second search => zone has it
        assertThat(eval("${ENUMLOOKUP(+9999)}")).isEqualTo("second@example.net");
        // an explicit zone is the only one asked
        assertThat(eval("${ENUMLOOKUP(+9999,sip,,1,e164.arpa)}")).isEmpty();
        assertThat(eval("${ENUMLOOKUP(1234*256,sip,s,1,freenum.org)}")).isEqualTo("1234@itad.example");
        assertThat(eval("${ENUMLOOKUP(8888,sip,d)}")).isEqualTo("direct@example.com");
    }

    @Test
    void theIOptionAsksTheInfrastructureTreeUnderTheBranchLabelAfterTheCountryCode() throws Exception {
        assertThat(eval("${ENUMLOOKUP(+4312345,sip,i)}")).isEqualTo("carrier@ienum.example");
        assertThat(eval("${ENUMLOOKUP(+4312345)}")).isEqualTo("user@enum.example");
        assertThat(eval("${ENUMLOOKUP(+12345,sip,i)}")).as("NANP: a one-digit country code").isEqualTo("nanp@ienum.example");
        assertThat(dns.log()).contains("5.4.3.2.1.i.3.4.e164.arpa");
    }

    @Test
    void aTruncatedUdpAnswerIsAskedAgainOverTcpAndEveryRecordCounts() {
        assertThat(eval("${ENUMLOOKUP(+7777,sip,c)}")).isEqualTo("20");
        assertThat(eval("${ENUMLOOKUP(+7777,sip,,20)}")).isEqualTo("long-enough-to-fill-the-packet-20@truncated.example");
        assertThat(pbx.logLines("truncated")).isEmpty();
    }

    @Test
    void queryThenResults() {
        String id = eval("${ENUMQUERY(+4930-1234,sip,e164.arpa)}");
        assertThat(id).isEqualTo("1");
        assertThat(eval("${ENUMRESULT(" + id + ",getnum)}")).isEqualTo("2");
        assertThat(eval("${ENUMRESULT(" + id + ",1)}")).isEqualTo("sip:4930123" + "4@pbx.example.com");
        assertThat(eval("${ENUMRESULT(" + id + ",2)}")).isEqualTo("sip:info@example.com");
        assertThat(eval("${ENUMRESULT(" + id + ",3)}")).isEmpty();
        String all = eval("${ENUMQUERY(+4930-1234,ALL)}");
        assertThat(all).isEqualTo("2");
        assertThat(eval("${ENUMRESULT(" + all + ",getnum)}")).isEqualTo("4");
        assertThat(eval("${ENUMRESULT(7,1)}")).isEmpty();
        assertThat(pbx.logLines("No query with ID '7' found")).hasSize(1);
    }

    @Test
    void noRecordIsEmptyAndAMalformedRegexpIsSkippedWithAWarning() {
        assertThat(eval("${ENUMLOOKUP(+1000)}")).isEmpty();
        assertThat(eval("${ENUMLOOKUP(+1000,sip,c)}")).isEqualTo("0");
        assertThat(eval("${ENUMLOOKUP(+5555)}")).isEqualTo("good@example.com");
        assertThat(pbx.logLines("NAPTR record of 5.5.5.5.e164.arpa (order 10, E2U+sip) has a bad regexp '!^(.*$!sip:\\1@broken.example!'"))
                .hasSize(1);
        assertThat(eval("${ENUMLOOKUP(+6666)}")).isEmpty();
        assertThat(pbx.logLines("it needs three '!' delimiters")).hasSize(1);
        assertThat(eval("${ENUMLOOKUP()}")).isEmpty();
        assertThat(pbx.logLines("Syntax: ENUMLOOKUP(number")).hasSize(1);
    }

    @Test
    void aServerThatDoesNotAnswerIsAWarningAfterTheTimeout() throws Exception {
        try (java.net.DatagramSocket silent = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            Files.writeString(dir.resolve("enum.conf"), "[general]\nnameserver = 127.0.0.1:" + silent.getLocalPort() + "\ntimeout = 0.2\n");
            assertThat(eval("${ENUMLOOKUP(+4930-1234)}")).isEmpty();
            assertThat(eval("${ENUMLOOKUP(+4930-1234,ALL,c)}")).isEqualTo("-1");
            assertThat(pbx.logLines("ENUM lookup of 4.3.2.1.0.3.9.4.e164.arpa failed: no answer from 127.0.0.1:" + silent.getLocalPort()))
                    .hasSize(2);
        }
    }

    @Test
    void aTruncatedAnswerFromAServerWithoutTcpIsAWarningNotAHang() throws Exception {
        // a name server that answers every query with TC set and serves no TCP: the lookup fails with its reason
        try (java.net.DatagramSocket udp = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofVirtual().start(() -> {
                byte[] buf = new byte[512];
                while (!udp.isClosed()) {
                    try {
                        java.net.DatagramPacket q = new java.net.DatagramPacket(buf, buf.length);
                        udp.receive(q);
                        byte[] a = java.util.Arrays.copyOf(q.getData(), q.getLength());
                        a[2] = (byte) (0x80 | 0x02 | (a[2] & 0x01));   // QR, TC, RD as asked
                        udp.send(new java.net.DatagramPacket(a, a.length, q.getSocketAddress()));
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            Files.writeString(dir.resolve("enum.conf"), "[general]\nnameserver = 127.0.0.1:" + udp.getLocalPort() + "\ntimeout = 0.5\n");
            long t0 = System.nanoTime();
            assertThat(eval("${ENUMLOOKUP(+4930-1234)}")).isEmpty();
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0)).isLessThan(java.time.Duration.ofSeconds(3));
            assertThat(pbx.logLines("ENUM lookup of 4.3.2.1.0.3.9.4.e164.arpa failed: the answer was truncated (TC) and asking over TCP failed"))
                    .hasSize(1);
            udp.close();
            server.join(2_000);
        }
    }
}
