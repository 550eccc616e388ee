package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.Protocol;
import org.switchboard.net.dns.DnsClient;
import org.switchboard.net.dns.DnsMessage;
import org.switchboard.net.dns.DnsResolver;
import org.switchboard.testing.DnsmasqServer;

/** RFC 3263 §4 against dnsmasq on loopback: which targets, in which order, over which transport. */
class SipServerLocatorTest {
    private static DnsmasqServer dns;

    @BeforeAll
    static void startDns() throws Exception {
        dns = new DnsmasqServer(List.of("example.test", "naptr.test", "cached.test", "bulk.test"), List.of(
            "naptr.test,10,50,s,SIP+D2T,,_sip._tcp.naptr.test",
            "naptr.test,20,50,s,SIP+D2U,,_sip._udp.naptr.test",
            "naptr.test,5,50,s,SIP+D2W,,_sip._ws.naptr.test"), List.of(
            "--srv-host=_sip._udp.example.test,sip2.example.test,5080,20,0",
            "--srv-host=_sip._udp.example.test,sip1.example.test,5070,10,0",
            "--srv-host=_sip._udp.nowhere.example.test,ghost.example.test,5070,10,0",
            "--srv-host=_sip._udp.nowhere.example.test,sip2.example.test,5080,20,0",
            "--srv-host=_sip._tcp.naptr.test,sip1.example.test,5090,10,0",
            "--srv-host=_sip._udp.naptr.test,sip1.example.test,5070,10,0",
            "--srv-host=_sip._udp.cached.test,sip1.example.test,5070,10,0",
            "--host-record=sip1.example.test,127.0.0.11",
            "--host-record=sip2.example.test,127.0.0.12",
            "--host-record=plain.example.test,127.0.0.13",
            "--address=/bulk.test/127.0.0.20",
            "--local-ttl=60"));
    }

    @AfterAll
    static void stopDns() { if (dns != null) dns.close(); }

    private static SipServerLocator locator(int port, Protocol... transports) {
        DnsResolver r = new DnsResolver(new DnsClient(List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)), 300, 2),
            null, System::nanoTime);
        return new SipServerLocator(r, transports.length == 0 ? EnumSet.of(Protocol.UDP, Protocol.TCP) : EnumSet.of(transports[0], transports));
    }

    private static Endpoint at(Protocol p, String ip, int port) throws Exception {
        return new Endpoint(p, new InetSocketAddress(InetAddress.getByName(ip), port));
    }

    @Test
    void srvTargetsComeInPriorityOrder() throws Exception {
        assertThat(locator(dns.port).locate("example.test", 0, null, false).targets())
            .containsExactly(at(Protocol.UDP, "127.0.0.11", 5070), at(Protocol.UDP, "127.0.0.12", 5080));
    }

    @Test
    void naptrChoosesTcpFirstAndSkipsTransportsWeLack() throws Exception {
        assertThat(locator(dns.port).locate("naptr.test", 0, null, false).targets())
            .containsExactly(at(Protocol.TCP, "127.0.0.11", 5090), at(Protocol.UDP, "127.0.0.11", 5070));
        assertThat(locator(dns.port, Protocol.UDP).locate("naptr.test", 0, null, false).targets())
            .containsExactly(at(Protocol.UDP, "127.0.0.11", 5070));
    }

    @Test
    void aNumericHostOrAnExplicitPortSkipsNaptrAndSrv() throws Exception {
        assertThat(locator(dns.port).locate("127.0.0.7", 0, null, false).targets()).containsExactly(at(Protocol.UDP, "127.0.0.7", 5060));
        assertThat(locator(dns.port).locate("sip1.example.test", 5099, Protocol.TCP, false).targets())
            .containsExactly(at(Protocol.TCP, "127.0.0.11", 5099));
        assertThat(dns.queries("NAPTR", "sip1.example.test")).isZero();
        assertThat(dns.queries("SRV", "_sip._udp.sip1.example.test")).isZero();
    }

    @Test
    void withoutNaptrOrSrvTheAddressOnTheDefaultPort() throws Exception {
        assertThat(locator(dns.port).locate("plain.example.test", 0, null, false).targets())
            .containsExactly(at(Protocol.UDP, "127.0.0.13", 5060));
        assertThat(locator(dns.port).locate("plain.example.test", 0, Protocol.TLS, false).targets())
            .containsExactly(at(Protocol.TLS, "127.0.0.13", 5061));
    }

    @Test
    void anSrvTargetWithoutAddressIsSkipped() throws Exception {
        assertThat(locator(dns.port).locate("nowhere.example.test", 0, null, false).targets())
            .containsExactly(at(Protocol.UDP, "127.0.0.12", 5080));
    }

    /** Any name a dialplan dials is looked up and kept: the cache stays bounded, and still answers. */
    @Test
    void theCacheStaysBoundedWhateverNamesAreLookedUp() {
        DnsResolver r = new DnsResolver(new DnsClient(List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), dns.port)), 300, 2),
            null, System::nanoTime);
        for (int i = 0; i < DnsResolver.MAX_CACHED + 50; i++) {
            assertThat(r.lookup("n" + i + ".bulk.test", DnsMessage.TYPE_A).records()).as("n%d", i).isNotEmpty();
        }
        assertThat(r.cachedAnswers()).isLessThanOrEqualTo(DnsResolver.MAX_CACHED);
        assertThat(r.lookup("sip1.example.test", DnsMessage.TYPE_A).records()).isNotEmpty();
    }

    @Test
    void answersAreKeptForTheirTtl() throws Exception {
        SipServerLocator l = locator(dns.port);
        l.locate("cached.test", 0, null, false);
        l.locate("cached.test", 0, null, false);
        assertThat(dns.queries("SRV", "_sip._udp.cached.test")).isEqualTo(1);
    }

    @Test
    void aDomainWithNoRecordsIsAReason() {
        SipServerLocator.Located l = locator(dns.port).locate("nothing.example.test", 0, null, false);
        assertThat(l.targets()).isEmpty();
        assertThat(l.error()).isEqualTo("no NAPTR, SRV, A or AAAA records for 'nothing.example.test'");
    }

    @Test
    void aNameServerThatDoesNotAnswerIsAReason() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            SipServerLocator.Located l = locator(silent.getLocalPort()).locate("example.test", 0, null, false);
            assertThat(l.targets()).isEmpty();
            assertThat(l.error()).isEqualTo("NAPTR example.test: no answer from 127.0.0.1:" + silent.getLocalPort() + " in 2 x 300 ms");
        }
    }
}
