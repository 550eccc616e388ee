package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.Rfc4475Torture;

/**
 * RFC 4475's torture messages against a pjsip.conf PBX (the shipped desk phone's endpoint, aor
 * and auth), over UDP and over TCP: the same stack as sip.conf's, so the same answers, which
 * {@code sip/rfc4475/expected.tsv} holds.
 */
class PjsipRfc4475Test {
    static final String PJSIP = "[transport-tcp]\ntype=transport\nprotocol=tcp\nbind=127.0.0.1:0\n\n"
        + "[0000FFFF0001]\ntype=endpoint\ncontext=phones\nauth=0000FFFF0001\naors=0000FFFF0001\n\n"
        + "[0000FFFF0001]\ntype=auth\nauth_type=userpass\nusername=0000FFFF0001\npassword=change-me-0001\n\n"
        + "[0000FFFF0001]\ntype=aor\nmax_contacts=1\n";
    static final String DIALPLAN = "[phones]\nexten => 100,1,Answer()\n";

    /** A loopback address of these tests' own: their many log lines stay out of other tests' rate limits. */
    static final java.net.InetAddress FROM = org.switchboard.channels.sip.SipPbxFixture.nextLoopback();
    @TempDir static Path udpDir;
    @TempDir static Path tcpDir;
    static PjsipPbxFixture udpPbx; // one PBX per transport, as in SipRfc4475Test
    static PjsipPbxFixture tcpPbx;

    @BeforeAll static void start() throws Exception {
        udpPbx = PjsipPbxFixture.start(udpDir, PJSIP, DIALPLAN);
        tcpPbx = PjsipPbxFixture.start(tcpDir, PJSIP, DIALPLAN);
    }

    @AfterAll static void stop() {
        if (udpPbx != null) udpPbx.close();
        if (tcpPbx != null) tcpPbx.close();
    }

    @TestFactory Stream<DynamicTest> overUdp() {
        InetSocketAddress to = udpPbx.stack().udpAddress();
        return Rfc4475Torture.cases().stream().map(c -> DynamicTest.dynamicTest(c + " over UDP", () -> {
            Rfc4475Torture.Outcome o = Rfc4475Torture.overUdp(to, FROM, c);
            System.out.println("RFC4475 pjsip.conf UDP " + c.name() + " -> " + o.what() + (o.first() == null ? "" : " " + Rfc4475Torture.statusLine(o.first())));
            assertThat(Rfc4475Torture.meets(c, false, o)).as("%s: RFC allows %s, got %s (%s), alive=%s; %s", c, c.allowed(false),
                o.what(), o.answers(), o.alive(), c.rfc()).isTrue();
        }));
    }

    @TestFactory Stream<DynamicTest> overTcp() {
        InetSocketAddress to = tcpPbx.stack().tcpAddress();
        assertThat(to).as("pjsip.conf's tcp transport is bound").isNotNull();
        return Rfc4475Torture.cases().stream().map(c -> DynamicTest.dynamicTest(c + " over TCP", () -> {
            Rfc4475Torture.Outcome o = Rfc4475Torture.overTcp(to, FROM, c);
            System.out.println("RFC4475 pjsip.conf TCP " + c.name() + " -> " + o.what() + (o.first() == null ? "" : " " + Rfc4475Torture.statusLine(o.first())));
            assertThat(Rfc4475Torture.meets(c, true, o)).as("%s: RFC allows %s, got %s (%s), alive=%s; %s", c, c.allowed(true),
                o.what(), o.answers(), o.alive(), c.rfc()).isTrue();
        }));
    }
}
