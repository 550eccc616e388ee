package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.pjsip.config.PjsipConfig;
import org.switchboard.channels.pjsip.config.PjsipSettings;
import org.switchboard.channels.sip.config.Codec;
import org.switchboard.channels.sip.config.DtmfMode;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigReader;

/** pjsip.conf as res_pjsip reads it: sections by type, templates, defaults, and every problem at its file:line. */
class PjsipConfigTest {
    private static PjsipSettings read(String text) {
        return PjsipConfig.read(ConfigReader.parse("pjsip.conf", text, Path.of(".")));
    }

    private static String problems(PjsipSettings s) {
        return String.join("\n", s.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void sectionsTemplatesAndDefaults() {
        PjsipSettings s = read("""
            [global]
            type=global
            user_agent=Test PBX
            [udp]
            type=transport
            protocol=udp
            bind=127.0.0.1:5070
            [desk](!)
            type=endpoint
            context=phones
            disallow=all
            allow=ulaw,alaw
            [alice](desk)
            auth=alice-auth
            aors=alice
            dtmf_mode=info
            callerid="Alice" <201>
            [alice-auth]
            type=auth
            auth_type=userpass
            username=alice
            password=secret
            [alice]
            type=aor
            max_contacts=2
            [trunk]
            type=endpoint
            aors=trunk
            [trunk]
            type=aor
            contact=sip:provider.example:5060
            [trunk-id]
            type=identify
            endpoint=trunk
            match=192.0.2.0/24,198.51.100.7
            """);
        assertThat(problems(s)).isEmpty();
        assertThat(s.userAgent()).isEqualTo("Test PBX");
        assertThat(s.transport("udp").port()).isEqualTo(5070);
        assertThat(s.endpoints()).containsOnlyKeys("alice", "trunk");
        var alice = s.endpoint("alice");
        assertThat(alice.context()).isEqualTo("phones");
        assertThat(alice.codecs()).containsExactly(Codec.ULAW, Codec.ALAW);
        assertThat(alice.dtmfMode()).isEqualTo(DtmfMode.INFO);
        assertThat(alice.forceRport()).isTrue();
        assertThat(alice.rewriteContact()).isFalse();
        assertThat(s.endpoint("trunk").context()).isEqualTo("default");
        assertThat(s.aor("alice").maxContacts()).isEqualTo(2);
        assertThat(s.aor("alice").removeExisting()).isFalse();
        assertThat(s.aor("alice").defaultExpiration()).isEqualTo(3600);
        assertThat(s.aor("trunk").contacts()).containsExactly("sip:provider.example:5060");
        assertThat(s.auth("alice-auth").username()).isEqualTo("alice");
        assertThat(s.identifies()).singleElement().satisfies(i -> {
            assertThat(i.matches(java.net.InetAddress.getByName("192.0.2.44"))).isTrue();
            assertThat(i.matches(java.net.InetAddress.getByName("198.51.100.7"))).isTrue();
            assertThat(i.matches(java.net.InetAddress.getByName("198.51.100.8"))).isFalse();
        });
    }

    @Test
    void badLinesAndMissingReferencesAreProblemsAtTheirLineAndTheRestLoads() {
        PjsipSettings s = read("""
            [udp]
            type=transport
            bind=127.0.0.1
            [alice]
            type=endpoint
            aors=alice,nosuch
            auth=alice
            dtmf_mode=smoke
            colour=blue
            [alice]
            type=auth
            password=x
            [alice]
            type=aor
            max_contacts=lots
            [bob]
            type=endpoint
            auth=missing-auth
            [carol]
            context=x
            [dave]
            type=gizmo
            [id]
            type=identify
            endpoint=nobody
            match=1.2.3.4
            """);
        String p = problems(s);
        assertThat(p).contains("pjsip.conf:6: endpoint 'alice' names aor 'nosuch', which does not exist; loaded without it")
            .contains("pjsip.conf:8: bad dtmf_mode 'smoke'")
            .contains("pjsip.conf:9: unknown option 'colour' in [alice]")
            .contains("pjsip.conf:15: bad value 'lots' for max_contacts")
            .contains("pjsip.conf:18: endpoint 'bob' names auth 'missing-auth', which does not exist; endpoint not loaded")
            .contains("pjsip.conf:19: section [carol] has no type=")
            .contains("pjsip.conf:21: section [dave] has unknown type 'gizmo'")
            .contains("pjsip.conf:23: identify 'id' names endpoint 'nobody', which does not exist; ignored");
        assertThat(s.endpoints()).containsOnlyKeys("alice");
        assertThat(s.endpoint("alice").aors()).containsExactly("alice");
        assertThat(s.aor("alice").maxContacts()).isZero();
        assertThat(s.transport("udp").port()).isEqualTo(5060);
        assertThat(s.identifies()).isEmpty();
    }

    @Test
    void aTransportProtocolWeDoNotKnowIsAProblem() {
        // udp, tcp, tls, ws and wss all run now: only an unknown protocol is left to refuse
        PjsipSettings s = read("[udp]\ntype=transport\nprotocol=sctp\nbind=0.0.0.0:5060\n");
        assertThat(problems(s)).contains("pjsip.conf:3: bad protocol 'sctp' (udp, tcp, tls, ws, wss)");
        assertThat(s.transports()).isEmpty();
    }

    @Test
    void aTlsTransportReadsItsCertificatesMethodAndVerificationAndEndpointsTheirMediaEncryption() {
        PjsipSettings s = read("""
            [transport-tls]
            type=transport
            protocol=tls
            bind=127.0.0.1
            cert_file=/keys/pbx.crt
            priv_key_file=/keys/pbx.key
            ca_list_file=/keys/ca.crt
            method=tlsv1_3
            verify_client=yes
            verify_server=yes
            [nocert]
            type=transport
            protocol=tls
            [udp]
            type=transport
            protocol=udp
            verify_client=yes
            [oldtls]
            type=transport
            protocol=tls
            cert_file=/keys/pbx.crt
            method=sslv3
            [alice]
            type=endpoint
            transport=transport-tls
            media_encryption=sdes
            media_encryption_optimistic=yes
            [bob]
            type=endpoint
            media_encryption=rot13
            """);
        var t = s.transport("tls").tls();
        assertThat(t.bindHost()).isEqualTo("127.0.0.1");
        assertThat(t.bindPort()).as("tls binds 5061 unless told").isEqualTo(5061);
        assertThat(t.certFile()).hasToString("/keys/pbx.crt");
        assertThat(t.keyFile()).hasToString("/keys/pbx.key");
        assertThat(t.caFile()).hasToString("/keys/ca.crt");
        assertThat(t.protocols()).containsExactly("TLSv1.3");
        assertThat(t.verifyClient()).isTrue();
        assertThat(t.verifyServer()).isTrue();
        assertThat(s.transport("udp").tls()).isNull();
        assertThat(s.transports()).extracting(org.switchboard.channels.pjsip.config.PjsipTransport::name)
            .containsExactly("transport-tls", "udp", "oldtls");
        assertThat(s.transports().get(2).tls().protocols()).as("sslv3 refused: the default stays").containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(problems(s)).contains("pjsip.conf:11: tls transport [nocert] has no cert_file; ignored")
            .contains("pjsip.conf:17: verify_client applies to protocol=tls only; ignored for udp transport [udp]")
            .contains("pjsip.conf:22: method 'sslv3' is not offered")
            .contains("pjsip.conf:30: bad media_encryption 'rot13' (no, sdes, dtls)");
        var alice = s.endpoint("alice").mediaEncryption();
        assertThat(alice.sdes()).isTrue();
        assertThat(alice.optimistic()).isTrue();
        assertThat(s.endpoint("bob").mediaEncryption().sdes()).isFalse();
        var peer = PjsipMapping.of(s).sip().peer("alice");
        assertThat(peer.transport()).isEqualTo(org.switchboard.channels.sip.transport.Protocol.TLS);
        assertThat(peer.encryption().sdes()).isTrue();
    }

    @Test
    void iceBesideSdesKeepsTheSdesMediaAndSaysSoAtItsLine() {
        PjsipSettings s = read("""
            [desk]
            type=endpoint
            media_encryption=sdes
            ice_support=yes
            [browserish]
            type=endpoint
            media_encryption=dtls
            ice_support=yes
            """);
        assertThat(problems(s)).contains("pjsip.conf:4: ice_support=yes with media_encryption=sdes: ICE is offered with DTLS-SRTP only; "
            + "endpoint 'desk' uses SDES-SRTP without ICE candidates");
        assertThat(s.endpoint("desk").media().iceDtls()).as("SDES, not the DTLS path").isNull();
        assertThat(s.endpoint("desk").mediaEncryption().sdes()).isTrue();
        assertThat(s.endpoint("browserish").media().iceDtls()).isNotNull();
    }

    @Test
    void webrtcYesSetsItsBundleWhateverTheSectionSaysAndWsTransportsLoad() {
        PjsipSettings s = read("""
            [ws]
            type=transport
            protocol=ws
            [wss]
            type=transport
            protocol=wss
            [browser]
            type=endpoint
            use_avpf=no
            webrtc=yes
            media_encryption=no
            [dtls]
            type=endpoint
            media_encryption=dtls
            dtls_setup=passive
            [plain]
            type=endpoint
            [bad]
            type=endpoint
            media_encryption=zrtp
            dtls_setup=sideways
            """);
        assertThat(s.transports()).extracting(t -> t.protocol()).containsExactly("ws", "wss");
        var browser = s.endpoint("browser").media();
        assertThat(browser.encryption()).isEqualTo(org.switchboard.channels.pjsip.config.PjsipMedia.Encryption.DTLS);
        assertThat(browser.ice()).isTrue();
        assertThat(browser.iceDtls().profile()).as("webrtc=yes turns use_avpf on").isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(browser.dtlsSetup()).isEqualTo("actpass");
        assertThat(s.endpoint("dtls").media().iceDtls().profile()).isEqualTo("UDP/TLS/RTP/SAVP");
        assertThat(s.endpoint("dtls").media().dtlsSetup()).isEqualTo("passive");
        assertThat(s.endpoint("plain").media().iceDtls()).isNull();
        assertThat(problems(s)).contains("pjsip.conf:20: bad media_encryption 'zrtp' (no, sdes, dtls)")
            .contains("pjsip.conf:21: bad dtls_setup 'sideways' (active, passive, actpass)");
        assertThat(s.endpoint("bad").media().iceDtls()).isNull();
    }
}
