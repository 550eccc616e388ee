package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.Rfc4475Torture;

/**
 * RFC 4475's torture messages, each sent whole to a sip.conf PBX set up as the shipped one
 * (allowguest=no, alwaysauthreject=yes, the two desk phones), over UDP and over TCP: every one
 * gets the handling the RFC asks for (see {@code sip/rfc4475/expected.tsv}) and the PBX answers
 * a fresh OPTIONS after each.
 */
class SipRfc4475Test {
    static final String GENERAL = "allowguest=no\nalwaysauthreject=yes\ncontext=phones\ntcpenable=yes\ntcpbindaddr=127.0.0.1:0\n";
    static final String PEERS = "[0000FFFF0001]\ntype=friend\nhost=dynamic\ncontext=phones\nsecret=change-me-0001\n";
    static final String DIALPLAN = "[phones]\nexten => 100,1,Answer()\n";

    /** A loopback address of these tests' own: their many log lines stay out of other tests' rate limits. */
    static final java.net.InetAddress FROM = SipPbxFixture.nextLoopback();
    @TempDir static Path udpDir;
    @TempDir static Path tcpDir;
    // one PBX per transport: the same message over UDP and then TCP would be a retransmission
    // (§17.2.3) of the first while its transaction lasts
    static SipPbxFixture udpPbx;
    static SipPbxFixture tcpPbx;

    @BeforeAll static void start() throws Exception {
        udpPbx = SipPbxFixture.start(udpDir, GENERAL, PEERS, DIALPLAN);
        tcpPbx = SipPbxFixture.start(tcpDir, GENERAL, PEERS, DIALPLAN);
    }

    @AfterAll static void stop() {
        if (udpPbx != null) udpPbx.close();
        if (tcpPbx != null) tcpPbx.close();
    }

    @Test void theTableHoldsAllFortyNineMessagesOfSectionThree() {
        List<Rfc4475Torture.Case> cases = Rfc4475Torture.cases();
        assertThat(cases).hasSize(49);
        assertThat(cases).allSatisfy(c -> assertThat(c.bytes()).isNotEmpty());
    }

    @TestFactory Stream<DynamicTest> overUdp() {
        InetSocketAddress to = udpPbx.stack().udpAddress();
        return Rfc4475Torture.cases().stream().map(c -> DynamicTest.dynamicTest(c + " over UDP", () -> {
            Rfc4475Torture.Outcome o = Rfc4475Torture.overUdp(to, FROM, c);
            System.out.println("RFC4475 sip.conf UDP " + c.name() + " -> " + o.what() + (o.first() == null ? "" : " " + Rfc4475Torture.statusLine(o.first())));
            assertThat(Rfc4475Torture.meets(c, false, o)).as("%s: RFC allows %s, got %s (%s), alive=%s; %s", c, c.allowed(false),
                o.what(), o.answers(), o.alive(), c.rfc()).isTrue();
        }));
    }

    @TestFactory Stream<DynamicTest> overTcp() {
        InetSocketAddress to = tcpPbx.stack().tcpAddress();
        return Rfc4475Torture.cases().stream().map(c -> DynamicTest.dynamicTest(c + " over TCP", () -> {
            Rfc4475Torture.Outcome o = Rfc4475Torture.overTcp(to, FROM, c);
            System.out.println("RFC4475 sip.conf TCP " + c.name() + " -> " + o.what() + (o.first() == null ? "" : " " + Rfc4475Torture.statusLine(o.first())));
            assertThat(Rfc4475Torture.meets(c, true, o)).as("%s: RFC allows %s, got %s (%s), alive=%s; %s", c, c.allowed(true),
                o.what(), o.answers(), o.alive(), c.rfc()).isTrue();
        }));
    }
}
