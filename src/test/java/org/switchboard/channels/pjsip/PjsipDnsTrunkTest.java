package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.testing.DnsmasqServer;
import org.switchboard.testing.Sipp;

/**
 * PJSIP trunks and registrations named by domain, always located by RFC 3263: SIPp phones behind
 * NAPTR and SRV records in a dnsmasq on loopback that resolver_unbound.conf names.
 */
class PjsipDnsTrunkTest {
    private static final Duration MAX = Duration.ofSeconds(30);
    private static final String TCP = "[transport-tcp]\ntype=transport\nprotocol=tcp\nbind=127.0.0.1:0\n\n";

    @TempDir Path dir;

    @BeforeAll
    static void sippInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) is not installed");
    }

    private static String trunk(String name, String contact) {
        return """
            [%1$s]
            type=endpoint
            context=from-trunk
            allow=ulaw
            aors=%1$s

            [%1$s]
            type=aor
            contact=%2$s

            """.formatted(name, contact);
    }

    /** dnsmasq: _sip._udp.example.test on port10 (priority 10) and port20 (priority 20); naptr.test's NAPTR to TCP on tcpPort. */
    private static DnsmasqServer dns(int port10, int port20, int tcpPort) throws Exception {
        return new DnsmasqServer(List.of("example.test", "naptr.test"), List.of(
            "naptr.test,10,50,s,SIP+D2T,,_sip._tcp.naptr.test",
            "naptr.test,20,50,s,SIP+D2U,,_sip._udp.naptr.test"), List.of(
            "--srv-host=_sip._udp.example.test,sip1.example.test," + port10 + ",10,0",
            "--srv-host=_sip._udp.example.test,sip2.example.test," + port20 + ",20,0",
            "--srv-host=_sip._tcp.naptr.test,sip1.example.test," + tcpPort + ",10,0",
            "--srv-host=_sip._udp.naptr.test,sip2.example.test," + port20 + ",10,0",
            "--host-record=sip1.example.test,127.0.0.1",
            "--host-record=sip2.example.test,127.0.0.1"));
    }

    private PjsipPbxFixture pbx(int dnsPort, String pjsip) throws Exception {
        Files.writeString(dir.resolve("resolver_unbound.conf"), "[general]\nnameserver = 127.0.0.1@" + dnsPort + "\nresolv = /dev/null\ntimeout = 1\n");
        return PjsipPbxFixture.start(dir, pjsip, "[from-trunk]\nexten => 100,1,Hangup()\n");
    }

    private static String dial(PjsipPbxFixture f, String to) {
        Channel c = f.pbx.channel();
        f.pbx.pbx.execute(c, "Dial", to + ",5");
        return c.getVar("DIALSTATUS");
    }

    @Test
    void theCallGoesToThePriority10TargetAndAfterA503ToThePriority20One() throws Exception {
        Path reject = dir.resolve("uas-reject-503.xml");
        Files.writeString(reject, Files.readString(Sipp.SCENARIOS.resolve("uas-reject.template.xml")).replace("CODE REASON", "503 Service Unavailable"));
        try (Sipp first = Sipp.scenario("uas-busy.xml").calls(1); Sipp second = Sipp.scenario("uas-busy.xml").calls(1);
             DnsmasqServer dns = dns(first.localPort(), second.localPort(), 5060)) {
            first.start();
            second.start();
            try (PjsipPbxFixture f = pbx(dns.port, trunk("trunk", "sip:example.test"))) {
                assertThat(dial(f, "PJSIP/100@trunk")).isEqualTo("BUSY");
                assertThat(first.stop(MAX).successful()).isEqualTo(1);
            }
        }
        try (Sipp first = Sipp.scenario(reject.toAbsolutePath().toString()).calls(1); Sipp second = Sipp.scenario("uas-busy.xml").calls(1);
             DnsmasqServer dns = dns(first.localPort(), second.localPort(), 5060)) {
            first.start();
            second.start();
            try (PjsipPbxFixture f = pbx(dns.port, trunk("trunk", "sip:example.test"))) {
                assertThat(dial(f, "PJSIP/100@trunk")).isEqualTo("BUSY");
                assertThat(second.stop(MAX).successful()).as("the priority-20 phone answered busy").isEqualTo(1);
                Sipp.Result r1 = first.stop(MAX);
                assertThat(r1.successful() + r1.failed()).as("%s", r1).isEqualTo(1);
            }
        }
    }

    @Test
    void naptrChoosesTcp() throws Exception {
        try (Sipp overTcp = Sipp.scenario("uas-busy.xml").tcp().calls(1); Sipp overUdp = Sipp.scenario("uas-busy.xml");
             DnsmasqServer dns = dns(5060, overUdp.localPort(), overTcp.localPort())) {
            overTcp.start();
            overUdp.start();
            try (PjsipPbxFixture f = pbx(dns.port, TCP + trunk("trunk", "sip:naptr.test"))) {
                assertThat(dial(f, "PJSIP/100@trunk")).isEqualTo("BUSY");
                assertThat(overTcp.stop(MAX).successful()).isEqualTo(1);
                Sipp.Result udp = overUdp.stop(MAX);
                assertThat(udp.successful() + udp.failed()).as("%s", udp).isZero();
            }
        }
    }

    @Test
    void aDomainWithoutRecordsIsChanunavailWithOneLineNamingTheEndpoint() throws Exception {
        try (DnsmasqServer dns = dns(5060, 5060, 5060); PjsipPbxFixture f = pbx(dns.port, trunk("nowhere", "sip:nothing.example.test"))) {
            assertThat(dial(f, "PJSIP/100@nowhere")).isEqualTo("CHANUNAVAIL");
            assertThat(f.pbx.logLines("cannot locate")).hasSize(1);
            assertThat(f.pbx.logLines("Endpoint 'nowhere': cannot locate 'nothing.example.test': no NAPTR, SRV, A or AAAA records")).hasSize(1);
        }
    }

    @Test
    void aRegistrationToADomainGoesToItsSrvTarget() throws Exception {
        try (Sipp registrar = Sipp.scenario("uas-register-server.xml").key("reg_user", "acct42").key("reg_pass", "provider-secret").calls(1);
             DnsmasqServer dns = dns(registrar.localPort(), 5060, 5060)) {
            registrar.start();
            try (PjsipPbxFixture f = pbx(dns.port, """
                    [trunk-auth]
                    type=auth
                    username=acct42
                    password=provider-secret

                    [trunk-reg]
                    type=registration
                    server_uri=sip:example.test
                    client_uri=sip:acct42@example.test
                    outbound_auth=trunk-auth
                    """)) {
                await().atMost(MAX).until(() -> f.cli("pjsip show registrations").contains("Registered"));
                assertThat(f.cli("pjsip show registrations")).contains("trunk-reg/sip:example.test");
                assertThat(registrar.stop(MAX).ok()).isTrue();
            }
        }
    }
}
