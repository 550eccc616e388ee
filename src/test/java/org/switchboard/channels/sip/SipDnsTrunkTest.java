package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.registry.RegistrationState;
import org.switchboard.core.Channel;
import org.switchboard.testing.DnsmasqServer;
import org.switchboard.testing.Sipp;

/**
 * sip.conf peers and {@code register =>} lines named by domain (RFC 3263, {@code srvlookup=yes}):
 * SIPp phones behind SRV records in a dnsmasq on loopback that resolver_unbound.conf names.
 */
class SipDnsTrunkTest {
    private static final Duration MAX = Duration.ofSeconds(30);
    private static final String PEERS = """
        [trunk]
        type=peer
        host=example.test
        context=calls

        [insecure-trunk]
        type=peer
        host=example.test
        insecure=port,invite
        context=calls

        [nowhere]
        type=peer
        host=nothing.example.test
        context=calls

        [direct]
        type=peer
        host=127.0.0.1
        port=%d
        context=calls
        """;

    @TempDir Path dir;

    @BeforeAll
    static void peersInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) is not installed");
    }

    /** dnsmasq with _sip._udp.example.test at 127.0.0.1 on port10 (priority 10) and port20 (priority 20). */
    private static DnsmasqServer dns(int port10, int port20) throws Exception {
        return new DnsmasqServer(List.of("example.test"), List.of(), List.of(
            "--srv-host=_sip._udp.example.test,sip1.example.test," + port10 + ",10,0",
            "--srv-host=_sip._udp.example.test,sip2.example.test," + port20 + ",20,0",
            "--host-record=sip1.example.test,127.0.0.1",
            "--host-record=sip2.example.test,127.0.0.1"));
    }

    private static int freeUdp() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    private SipPbxFixture pbx(int dnsPort, String general, int directPort) throws Exception {
        return pbx("[general]\nnameserver = 127.0.0.1:" + dnsPort + "\nresolv = /dev/null\ntimeout = 1\n", general, directPort);
    }

    private SipPbxFixture pbx(String resolverConf, String general, int directPort) throws Exception {
        Files.writeString(dir.resolve("resolver_unbound.conf"), resolverConf);
        return SipPbxFixture.start(dir, "srvlookup=yes\ntimerb=1000\n" + general, PEERS.formatted(directPort),
            "[calls]\nexten => 100,1,Set(GLOBAL(IN)=${CHANNEL(name)})\n same => n,Hangup()\n");
    }

    private static String dial(SipPbxFixture f, String to) {
        Channel c = f.pbx.channel();
        f.pbx.pbx.execute(c, "Dial", to + ",5");
        return c.getVar("DIALSTATUS");
    }

    private Sipp reject503() throws Exception {
        Path scenario = dir.resolve("uas-reject-503.xml");
        Files.writeString(scenario, Files.readString(Sipp.SCENARIOS.resolve("uas-reject.template.xml")).replace("CODE REASON", "503 Service Unavailable"));
        return Sipp.scenario(scenario.toAbsolutePath().toString()).calls(1);
    }

    /** Bad lines in resolver_unbound.conf: each named by file:line and skipped; the good ones still serve. */
    @Test
    void badResolverLinesAreSkippedWithTheirLineAndTheRestServes() throws Exception {
        try (Sipp first = Sipp.scenario("uas-busy.xml").calls(1); Sipp second = Sipp.scenario("uas-busy.xml");
             DnsmasqServer dns = dns(first.localPort(), second.localPort())) {
            first.start();
            second.start();
            String conf = "[general]\nnameserver = not-an-address\ntimeout = soon\nfrobnicate = yes\n"
                + "nameserver = 127.0.0.1:" + dns.port + "\nresolv = /dev/null\n";
            try (SipPbxFixture f = pbx(conf, "", 5060)) {
                assertThat(dial(f, "SIP/100@trunk")).isEqualTo("BUSY");
                assertThat(first.stop(MAX).successful()).isEqualTo(1);
                second.stop(MAX);
                assertThat(f.pbx.logLines("resolver_unbound.conf:2: nameserver 'not-an-address' is not address[:port]; skipped")).hasSize(1);
                assertThat(f.pbx.logLines("resolver_unbound.conf:3: timeout must be seconds")).hasSize(1);
                assertThat(f.pbx.logLines("resolver_unbound.conf:4: unknown option 'frobnicate'")).hasSize(1);
            }
        }
    }

    @Test
    void theCallGoesToThePriority10Target() throws Exception {
        try (Sipp first = Sipp.scenario("uas-busy.xml").calls(1); Sipp second = Sipp.scenario("uas-busy.xml");
             DnsmasqServer dns = dns(first.localPort(), second.localPort())) {
            first.start();
            second.start();
            try (SipPbxFixture f = pbx(dns.port, "", 5060)) {
                assertThat(dial(f, "SIP/100@trunk")).isEqualTo("BUSY");
                assertThat(first.stop(MAX).successful()).isEqualTo(1);
                Sipp.Result r = second.stop(MAX);
                assertThat(r.successful() + r.failed()).as("%s", r).isZero();
            }
        }
    }

    @Test
    void a503FromThePriority10TargetSendsTheCallToThePriority20One() throws Exception {
        try (Sipp first = reject503(); Sipp second = Sipp.scenario("uas-busy.xml").calls(1);
             DnsmasqServer dns = dns(first.localPort(), second.localPort())) {
            first.start();
            second.start();
            try (SipPbxFixture f = pbx(dns.port, "", 5060)) {
                assertThat(dial(f, "SIP/100@trunk")).isEqualTo("BUSY");
                Sipp.Result r1 = first.stop(MAX);
                // the priority-10 phone had the call first (its ACK is SipSippTest's to check: on a loaded box SIPp
                // may count a retransmitted INVITE that crossed its 503 as a failure)
                assertThat(r1.successful() + r1.failed()).as("%s", r1).isEqualTo(1);
                assertThat(second.stop(MAX).successful()).isEqualTo(1);
            }
        }
    }

    @Test
    void aStoppedPriority10TargetTimesOutAndThePriority20OneGetsTheCall() throws Exception {
        int stopped = freeUdp();
        try (Sipp second = Sipp.scenario("uas-busy.xml").calls(1); DnsmasqServer dns = dns(stopped, second.localPort())) {
            second.start();
            try (SipPbxFixture f = pbx(dns.port, "", 5060)) {
                assertThat(dial(f, "SIP/100@trunk")).isEqualTo("BUSY");
                assertThat(second.stop(MAX).successful()).isEqualTo(1);
            }
        }
    }

    @Test
    void aDomainWithoutRecordsIsChanunavailWithOneLine() throws Exception {
        try (DnsmasqServer dns = dns(5060, 5060); SipPbxFixture f = pbx(dns.port, "", 5060)) {
            assertThat(dial(f, "SIP/100@nowhere")).isEqualTo("CHANUNAVAIL");
            assertThat(f.pbx.logLines("cannot locate")).containsExactly(
                f.pbx.logLines("Peer 'nowhere': cannot locate 'nothing.example.test': no NAPTR, SRV, A or AAAA records for 'nothing.example.test'").get(0));
        }
    }

    @Test
    void aSilentNameServerFailsTheCallAfterItsTimeoutAndOtherCallsGoOn() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             Sipp direct = Sipp.scenario("uas-busy.xml").calls(1).start();
             SipPbxFixture f = pbx(silent.getLocalPort(), "", direct.localPort())) {
            List<String> statuses = new ArrayList<>();
            Thread lookingUp = Thread.ofVirtual().start(() -> statuses.add(dial(f, "SIP/100@trunk")));
            silent.setSoTimeout((int) MAX.toMillis());
            silent.receive(new java.net.DatagramPacket(new byte[512], 512));   // the PBX has asked
            // 2 attempts of 1 s against the silent server: a call to an address meanwhile is not held up
            assertThat(dial(f, "SIP/100@direct")).isEqualTo("BUSY");
            assertThat(lookingUp.isAlive()).as("the DNS call is still waiting for its name server").isTrue();
            lookingUp.join(MAX);
            assertThat(statuses).containsExactly("CHANUNAVAIL");
            assertThat(f.pbx.logLines("Peer 'trunk': cannot locate 'example.test': NAPTR example.test: no answer from 127.0.0.1:"
                + silent.getLocalPort() + " in 2 x 1000 ms")).hasSize(1);
            assertThat(direct.stop(MAX).ok()).isTrue();
        }
    }

    @Test
    void registerToADomainGoesToItsSrvTarget() throws Exception {
        try (Sipp registrar = Sipp.scenario("uas-register-server.xml").key("reg_user", "1001").key("reg_pass", "secret").calls(1);
             DnsmasqServer dns = dns(registrar.localPort(), freeUdp())) {
            registrar.start();
            try (SipPbxFixture f = pbx(dns.port, "register => 1001:secret@example.test/100\n", 5060)) {
                SipBackground bg = SipModule.get(f.pbx.pbx).background();
                await().atMost(MAX).until(() -> bg.registry().clients().get(0).state() == RegistrationState.REGISTERED);
                assertThat(bg.registry().clients().get(0).target().address().getPort()).isEqualTo(registrar.localPort());
                assertThat(registrar.stop(MAX).ok()).isTrue();
            }
        }
    }

    @Test
    void anInviteFromTheSrvTargetOfAPeerNamedByDomainIsThatPeers() throws Exception {
        try (SipPbxFixture.RawPeer provider = new SipPbxFixture.RawPeer();
             DnsmasqServer dns = dns(provider.port(), freeUdp());
             SipPbxFixture f = pbx(dns.port, "allowguest=no\n", 5060)) {
            // calling the trunk once teaches the PBX where example.test is; the strand then matches from memory
            Thread dial = Thread.ofVirtual().start(() -> dial(f, "SIP/100@insecure-trunk"));
            assertThat(provider.receive(Duration.ofSeconds(10))).startsWith("INVITE sip:100@example.test SIP/2.0");
            dial.join(MAX);
            provider.send(f.port(), SipPbxFixture.invite(f.port(), provider.port(), "+15551234", "100", "from-srv-1@test", ""));
            await().atMost(Duration.ofSeconds(10)).until(() -> f.pbx.pbx.globals().get("IN") != null);
            assertThat(f.pbx.pbx.globals().get("IN")).startsWith("SIP/insecure-trunk-");
        }
    }
}
