package org.switchboard.channels.sip.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigReader;

/** sip.conf in chan_sip's syntax: the seed's file, every option, and each kind of bad line with file:line. */
class SipConfigTest {

    static SipSettings parse(String text) {
        return SipConfig.read(ConfigReader.parse("sip.conf", text, null));
    }

    static List<String> problems(SipSettings s) {
        return s.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test void theSeedsFileReadsCleanAndPeersInheritTheTemplate() throws Exception {
        Path dir = Path.of(SipConfigTest.class.getResource("/config-samples/sip.conf").toURI()).getParent();
        SipSettings s = SipConfig.read(ConfigReader.read(dir, "sip.conf"));
        assertThat(s.problems()).isEmpty();
        assertThat(s.allowGuest()).isFalse();
        assertThat(s.alwaysAuthReject()).isTrue();
        assertThat(s.udpBindAddr()).isEqualTo("0.0.0.0");
        assertThat(s.udpBindPort()).isEqualTo(5060);
        assertThat(s.realm()).isEqualTo("asterisk");
        assertThat(s.defaultExpiry()).isEqualTo(120);
        assertThat(s.maxExpiry()).isEqualTo(3600);
        assertThat(s.minExpiry()).isEqualTo(60);
        assertThat(s.peers().keySet()).containsExactly("0000FFFF0001", "0000FFFF0002"); // the template is no peer
        SipPeer p = s.peer("0000ffff0001");
        assertThat(p.type()).isEqualTo(PeerType.FRIEND);
        assertThat(p.isDynamic()).isTrue();
        assertThat(p.context()).isEqualTo("phones");
        assertThat(p.codecs()).containsExactly(Codec.ULAW, Codec.ALAW, Codec.G722, Codec.OPUS);
        assertThat(p.dtmfMode()).isEqualTo(DtmfMode.RFC2833);
        assertThat(p.secret()).isEqualTo("change-me-0001");
        assertThat(s.peer("0000FFFF0002").secret()).isEqualTo("change-me-0002");
    }

    @Test void tcpGuardsAndHeaderLimitHaveChanSipsNamesAndDefaults() {
        SipSettings d = parse("[general]\n");
        assertThat(d.tcpLimits()).isEqualTo(org.switchboard.channels.sip.transport.TcpLimits.DEFAULT);
        assertThat(d.tcpLimits().authTimeout()).hasSeconds(30); // chan_sip's tcpauthtimeout
        assertThat(d.tcpLimits().authLimit()).isEqualTo(100);   // chan_sip's tcpauthlimit
        assertThat(d.messageLimits().maxHeaderSize()).isEqualTo(32768);
        SipSettings s = parse("[general]\ntcpauthtimeout=5\ntcpauthlimit=40\ntcpauthlimitperaddress=4\nmaxheadersize=8192\n");
        assertThat(s.problems()).isEmpty();
        assertThat(s.tcpLimits().authTimeout()).hasSeconds(5);
        assertThat(s.tcpLimits().authLimit()).isEqualTo(40);
        assertThat(s.tcpLimits().authLimitPerAddress()).isEqualTo(4);
        assertThat(s.messageLimits().maxHeaderSize()).isEqualTo(8192);
        SipSettings bad = parse("[general]\ntcpauthtimeout=0\nmaxheadersize=10\n");
        assertThat(problems(bad)).containsExactly(
            "sip.conf:2: bad value '0' for tcpauthtimeout (a number from 1 to 3600)",
            "sip.conf:3: bad value '10' for maxheadersize (a number from 1024 to 65536)");
        assertThat(bad.tcpLimits().authTimeout()).hasSeconds(30);
    }

    @Test void generalOptions() {
        SipSettings s = parse("""
            [general]
            udpbindaddr=192.0.2.1:5070
            tcpenable=yes
            tcpbindaddr=[2001:db8::1]:5080
            context=from-sip
            allowguest=no
            alwaysauthreject=no
            realm=pbx.example.com
            useragent=Switchboard test PBX
            externaddr=203.0.113.5:5060
            localnet=192.168.0.0/255.255.0.0
            localnet=10.0.0.0/8
            nat=force_rport,comedia
            rtptimeout=60
            rtpholdtimeout=300
            defaultexpiry=600
            maxexpiry=7200
            minexpiry=30
            register => tcp://trunkuser:s3cret:authname@sip.provider.example:5062/200~300
            register => 2000@sip.other.example
            """);
        assertThat(problems(s)).isEmpty();
        assertThat(s.udpBindAddr()).isEqualTo("192.0.2.1");
        assertThat(s.udpBindPort()).isEqualTo(5070);
        assertThat(s.tcpEnable()).isTrue();
        assertThat(s.tcpBindAddr()).isEqualTo("2001:db8::1");
        assertThat(s.tcpBindPort()).isEqualTo(5080);
        assertThat(s.context()).isEqualTo("from-sip");
        assertThat(s.allowGuest()).isFalse();
        assertThat(s.alwaysAuthReject()).isFalse();
        assertThat(s.realm()).isEqualTo("pbx.example.com");
        assertThat(s.userAgent()).isEqualTo("Switchboard test PBX");
        assertThat(s.externAddr()).isEqualTo("203.0.113.5:5060");
        assertThat(s.localnet()).hasSize(2);
        assertThat(s.nat()).isEqualTo(new Nat(true, true, false));
        assertThat(s.rtpTimeout()).isEqualTo(60);
        assertThat(s.rtpHoldTimeout()).isEqualTo(300);
        assertThat(s.defaultExpiry()).isEqualTo(600);
        assertThat(s.maxExpiry()).isEqualTo(7200);
        assertThat(s.minExpiry()).isEqualTo(30);
        SipRegistration r = s.registrations().get(0);
        assertThat(r.transport()).isEqualTo("tcp");
        assertThat(r.user()).isEqualTo("trunkuser");
        assertThat(r.secret()).isEqualTo("s3cret");
        assertThat(r.authUser()).isEqualTo("authname");
        assertThat(r.digestUser()).isEqualTo("authname");
        assertThat(r.host()).isEqualTo("sip.provider.example");
        assertThat(r.port()).isEqualTo(5062);
        assertThat(r.contact()).isEqualTo("200");
        assertThat(r.expiry()).isEqualTo(300);
        assertThat(r.line()).isEqualTo(19);
        SipRegistration r2 = s.registrations().get(1);
        assertThat(r2.secret()).isNull();
        assertThat(r2.port()).isEqualTo(-1);
        assertThat(r2.contact()).isEqualTo("s");
        assertThat(r2.transport()).isEqualTo("udp");
        assertThat(s.isLocal(addr("192.168.7.7"))).isTrue();
        assertThat(s.isLocal(addr("192.169.7.7"))).isFalse();
    }

    @Test void jitterBufferAndDigestOptions() {
        SipSettings off = parse("[general]\n");
        assertThat(off.jitterBuffer()).isEqualTo(SipSettings.JitterBufferSettings.OFF); // chan_sip: jbenable=no
        assertThat(off.digestAlgorithms()).containsExactly("MD5");
        assertThat(off.registerTimeout()).isEqualTo(20);
        assertThat(off.registerAttempts()).isZero();
        SipSettings reg = parse("[general]\nregistertimeout=5\nregisterattempts=3\n");
        assertThat(reg.registerTimeout()).isEqualTo(5);
        assertThat(reg.registerAttempts()).isEqualTo(3);
        assertThat(parse("[general]\nregistertimeout=soon\n").problems()).extracting(Object::toString)
            .anyMatch(p -> p.startsWith("sip.conf:2: "));
        SipSettings s = parse("""
            [general]
            jbenable=yes
            jbmaxsize=120
            jbimpl=adaptive
            jbforce=no
            digestalgorithms=SHA-256, md5
            """);
        assertThat(s.problems()).isEmpty();
        assertThat(s.jitterBuffer()).isEqualTo(new SipSettings.JitterBufferSettings(true, 120, true));
        assertThat(s.digestAlgorithms()).containsExactly("SHA-256", "MD5");
        SipSettings bad = parse("[general]\njbimpl=magic\njbmaxsize=3\ndigestalgorithms=rot13\n");
        assertThat(bad.problems()).extracting(Object::toString).anyMatch(p -> p.startsWith("sip.conf:2: unknown jbimpl 'magic'"))
            .anyMatch(p -> p.startsWith("sip.conf:3: ")).anyMatch(p -> p.startsWith("sip.conf:4: unknown digest algorithm 'rot13'"));
        assertThat(bad.jitterBuffer()).isEqualTo(SipSettings.JitterBufferSettings.OFF);
        assertThat(bad.digestAlgorithms()).containsExactly("MD5");
    }

    /** timerb= (RFC 3261 §17.1.1.2 timer B): 64*T1 unless given; below chan_sip's 200 ms or not a number is a problem on its line. */
    @Test void timerBIs64T1UnlessTimerbSetsIt() {
        assertThat(parse("[general]\n").timers().b()).isEqualTo(32_000);
        assertThat(parse("[general]\ntimert1=1000\n").timers().b()).isEqualTo(64_000);
        SipSettings s = parse("[general]\ntimert1=1000\ntimerb=4000\n");
        assertThat(s.problems()).isEmpty();
        assertThat(s.timers().b()).isEqualTo(4000);
        assertThat(s.timers().timeout()).as("timers F, H, J keep 64*T1").isEqualTo(64_000);
        SipSettings bad = parse("[general]\ntimerb=soon\ntimerb=50\n");
        assertThat(problems(bad)).anyMatch(l -> l.startsWith("sip.conf:2: bad value 'soon' for timerb"))
            .anyMatch(l -> l.startsWith("sip.conf:3: bad value '50' for timerb"));
        assertThat(bad.timers().b()).isEqualTo(32_000);
    }

    @Test void registerLineForms() {
        SipRegistration r = SipRegistration.parse("mytrunk?user@example.org:pw@10.0.0.1", "sip.conf", 3);
        assertThat(r.peer()).isEqualTo("mytrunk");
        assertThat(r.user()).isEqualTo("user");
        assertThat(r.domain()).isEqualTo("example.org");
        assertThat(r.secret()).isEqualTo("pw");
        assertThat(r.host()).isEqualTo("10.0.0.1");
        assertThat(r.toString()).isEqualTo("user@10.0.0.1");
    }

    @Test void everyPeerOption() {
        SipSettings s = parse("""
            [general]
            allow=g722
            [trunk]
            type=peer
            host=sip.provider.example
            port=5080
            md5secret=0123456789ABCDEF0123456789abcdef
            defaultuser=acct
            fromuser=4420
            fromdomain=provider.example
            context=from-trunk
            callerid="Front Desk" <4420>
            disallow=all
            allow=alaw,ulaw
            allow=ulaw
            dtmfmode=info
            nat=no
            qualify=yes
            insecure=port,invite
            deny=0.0.0.0/0.0.0.0
            permit=198.51.100.0/24
            call-limit=2
            language=fr
            accountcode=acct-7
            mailbox=100@default
            [guestish](!)
            type=user
            [desk](guestish)
            qualify=250
            """);
        assertThat(problems(s)).isEmpty();
        SipPeer t = s.peer("trunk");
        assertThat(t.type()).isEqualTo(PeerType.PEER);
        assertThat(t.host()).isEqualTo("sip.provider.example");
        assertThat(t.port()).isEqualTo(5080);
        assertThat(t.md5secret()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(t.defaultUser()).isEqualTo("acct");
        assertThat(t.fromUser()).isEqualTo("4420");
        assertThat(t.fromDomain()).isEqualTo("provider.example");
        assertThat(t.context()).isEqualTo("from-trunk");
        assertThat(t.callerIdName()).isEqualTo("Front Desk");
        assertThat(t.callerIdNumber()).isEqualTo("4420");
        assertThat(t.codecs()).containsExactly(Codec.ALAW, Codec.ULAW);
        assertThat(t.dtmfMode()).isEqualTo(DtmfMode.INFO);
        assertThat(t.nat()).isEqualTo(Nat.NO);
        assertThat(t.qualifyMs()).isEqualTo(2000);
        assertThat(t.insecure()).containsExactlyInAnyOrder(SipPeer.Insecure.PORT, SipPeer.Insecure.INVITE);
        assertThat(t.allows(addr("198.51.100.9"))).isTrue();
        assertThat(t.allows(addr("203.0.113.9"))).isFalse();
        assertThat(t.callLimit()).isEqualTo(2);
        assertThat(t.language()).isEqualTo("fr");
        assertThat(t.accountCode()).isEqualTo("acct-7");
        assertThat(t.mailbox()).isEqualTo("100@default");
        SipPeer d = s.peer("desk");
        assertThat(d.type()).isEqualTo(PeerType.USER);
        assertThat(d.qualifyMs()).isEqualTo(250);
        assertThat(d.context()).isEqualTo("default");
        assertThat(d.codecs()).containsExactly(Codec.ULAW, Codec.ALAW, Codec.G722); // chan_sip's default plus [general]
        assertThat(d.nat()).isEqualTo(Nat.AUTO_FORCE_RPORT);
    }

    @Test void aclLastMatchWins() {
        Acl acl = Acl.ALLOW_ALL.with(Acl.parseRule(false, "0.0.0.0/0"))
            .with(Acl.parseRule(true, "192.168.1.0/255.255.255.0"))
            .with(Acl.parseRule(false, "192.168.1.13"));
        assertThat(acl.allows(addr("192.168.1.12"))).isTrue();
        assertThat(acl.allows(addr("192.168.1.13"))).isFalse();
        assertThat(acl.allows(addr("10.1.1.1"))).isFalse();
        assertThat(Acl.ALLOW_ALL.allows(addr("10.1.1.1"))).isTrue();
        Acl v6 = Acl.ALLOW_ALL.with(Acl.parseRule(false, "::/0")).with(Acl.parseRule(true, "2001:db8::/32"));
        assertThat(v6.allows(addr("2001:db8::5"))).isTrue();
        assertThat(v6.allows(addr("2001:db9::5"))).isFalse();
        assertThat(v6.allows(addr("10.1.1.1"))).isTrue(); // an IPv6 rule does not match an IPv4 address
    }

    @Test void badLinesAreProblemsWithFileAndLine() {
        SipSettings s = parse("""
            [general]
            udpbindaddr=0.0.0.0:99999
            allowguest=maybe
            bogus=1
            register => nohost
            register => user@host:0
            register => ftp://user@host
            register => user@host~x
            defaultexpiry=abc
            [p1]
            type=friend
            host=dynamic
            allow=gsm
            allow=nonsense
            dtmfmode=morse
            nat=sometimes
            qualify=often
            insecure=always
            permit=300.1.1.1/24
            deny=10.0.0.0/255.0.255.0
            call-limit=-1
            md5secret=xyz
            colour=blue
            type=relative
            [p2]
            host=dynamic
            [p3]
            type=peer
            [p1]
            type=friend
            host=dynamic
            """);
        assertThat(problems(s)).containsExactly(
            "sip.conf:2: bad port '99999' in udpbindaddr",
            "sip.conf:3: bad value 'maybe' for allowguest (yes or no)",
            "sip.conf:4: unknown option 'bogus' in [general]; ignored",
            "sip.conf:5: bad register line 'nohost': no '@host' in register line (user[:secret[:authuser]]@host[:port][/contact])",
            "sip.conf:6: bad register line 'user@host:0': bad port '0'",
            "sip.conf:7: bad register line 'ftp://user@host': unknown transport 'ftp' (udp, tcp or tls)",
            "sip.conf:8: bad register line 'user@host~x': bad expiry '~x' (seconds, above 0)",
            "sip.conf:9: bad value 'abc' for defaultexpiry (a number from 1 to 86400)",
            "sip.conf:13: codec 'gsm' is not supported (ulaw, alaw, g722, opus); ignored",
            "sip.conf:14: unknown codec 'nonsense' in allow",
            "sip.conf:15: bad dtmfmode 'morse' (rfc2833, info, inband or auto)",
            "sip.conf:16: bad nat value 'sometimes' (yes, no, force_rport, comedia, auto_force_rport, auto_comedia)",
            "sip.conf:17: bad value 'often' for qualify (a number from 0 to 3600000)",
            "sip.conf:18: bad insecure value 'always' (port, invite or no)",
            "sip.conf:19: bad permit '300.1.1.1/24': '300.1.1.1' is not an IP address",
            "sip.conf:20: bad deny '10.0.0.0/255.0.255.0': mask '255.0.255.0' is not contiguous",
            "sip.conf:21: bad value '-1' for call-limit (a number from 0 to 1000000)",
            "sip.conf:22: bad md5secret (32 hex digits: the MD5 of name:realm:secret)",
            "sip.conf:23: unknown option 'colour' in [p1]; ignored",
            "sip.conf:24: bad type 'relative' (friend, peer or user)",
            "sip.conf:25: section [p2] has no type= (friend, peer or user); ignored",
            "sip.conf:27: peer [p3] has no host= (dynamic or an address); ignored",
            "sip.conf:29: peer 'p1' is already defined at sip.conf:10; ignored");
        assertThat(s.peers()).containsOnlyKeys("p1"); // the bad lines were skipped, the rest still read
        assertThat(s.peer("p1").codecs()).containsExactly(Codec.ULAW, Codec.ALAW);
        assertThat(s.udpBindPort()).isEqualTo(5060);
        assertThat(s.allowGuest()).isTrue();
    }

    @Test void minexpiryAboveMaxexpiryIsAProblem() {
        SipSettings s = parse("[general]\nmaxexpiry=100\nminexpiry=200\n");
        assertThat(problems(s)).containsExactly("sip.conf:3: minexpiry 200 is above maxexpiry 100; using 100");
        assertThat(s.minExpiry()).isEqualTo(100);
        assertThat(s.defaultExpiry()).isEqualTo(100);
    }

    static InetAddress addr(String literal) {
        try {
            return InetAddress.getByAddress(Acl.parseLiteral(literal));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test void tlsOptionsAsChanSipNamesThemAndPeersTransportAndEncryption() {
        SipSettings s = parse("""
            [general]
            tlsenable=yes
            tlsbindaddr=127.0.0.1
            tlscertfile=/keys/asterisk.pem
            tlscafile=/keys/ca.crt
            tlsclientmethod=tlsv1_2
            tlsdontverifyserver=yes
            [trunk]
            type=peer
            host=192.0.2.7
            transport=tls,udp
            encryption=yes
            [phone]
            type=friend
            host=dynamic
            transport=sctp
            """);
        var t = s.tls();
        assertThat(t.bindHost()).isEqualTo("127.0.0.1");
        assertThat(t.bindPort()).isEqualTo(5061);
        assertThat(t.certFile()).hasToString("/keys/asterisk.pem");
        assertThat(t.keyFile()).as("tlsprivatekey defaults to the cert file").isNull();
        assertThat(t.caFile()).hasToString("/keys/ca.crt");
        assertThat(t.protocols()).containsExactly("TLSv1.2");
        assertThat(t.verifyServer()).isFalse();
        assertThat(t.verifyClient()).as("chan_sip never asks a client for a certificate").isFalse();
        SipPeer trunk = s.peer("trunk");
        assertThat(trunk.transport()).isEqualTo(org.switchboard.channels.sip.transport.Protocol.TLS);
        assertThat(trunk.port()).as("a TLS peer's default port").isEqualTo(5061);
        assertThat(trunk.encryption().sdes()).isTrue();
        assertThat(s.peer("phone").transport()).isEqualTo(org.switchboard.channels.sip.transport.Protocol.UDP);
        assertThat(s.peer("phone").encryption().sdes()).isFalse();
        assertThat(problems(s)).containsExactly("sip.conf:16: transport 'sctp' is not supported (udp, tcp or tls)");
        assertThat(parse("[general]\ntlscertfile=/x.pem\n").tls()).as("off without tlsenable").isNull();
    }

    @Test void mohinterpretNamesTheClassAPeerHearsOnHoldWithGeneralAsItsDefault() {
        SipSettings s = parse("""
            [general]
            mohinterpret=lobby

            [a]
            type=friend
            host=dynamic

            [b]
            type=friend
            host=dynamic
            mohinterpret=jazz

            [c]
            type=friend
            host=dynamic
            mohinterpret=two words
            """);
        assertThat(s.peer("a").mohInterpret()).isEqualTo("lobby");
        assertThat(s.peer("b").mohInterpret()).isEqualTo("jazz");
        assertThat(s.peer("c").mohInterpret()).as("a bad value keeps the default").isEqualTo("lobby");
        assertThat(problems(s)).containsExactly("sip.conf:16: bad value 'two words' for mohinterpret (one word)");
        assertThat(parse("[p]\ntype=friend\nhost=dynamic\n").peer("p").mohInterpret()).as("default class").isNull();
    }
}
