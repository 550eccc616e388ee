package org.switchboard.net.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ICE/DTLS SDP attributes: written and read back, browser-style input read, malformed lines left out. */
class IceSdpTest {
    static final IceCandidate HOST = new IceCandidate("1", 1, "udp", 2130706431L, "127.0.0.1", 40000, "host", null, 0, 0, "c1");
    static final IceCandidate SRFLX = new IceCandidate("2", 1, "udp", 1694498815L, "198.51.100.7", 50000, "srflx",
        "10.0.0.2", 40000, 0, "c2");

    @Test
    void ourAttributesReadBack() {
        IceCredentials creds = new IceCredentials("abcd", "0123456789abcdefghijkl");
        DtlsFingerprint fp = new DtlsFingerprint("SHA-256", "ab:cd:ef");
        List<String> lines = IceSdp.attributes(creds, fp, DtlsSetup.ACTPASS, List.of(HOST, SRFLX));
        assertThat(lines).startsWith("a=ice-ufrag:abcd", "a=ice-pwd:0123456789abcdefghijkl",
            "a=fingerprint:sha-256 AB:CD:EF", "a=setup:actpass", "a=rtcp-mux");
        assertThat(lines).contains("a=candidate:1 1 udp 2130706431 127.0.0.1 40000 typ host generation 0",
            "a=candidate:2 1 udp 1694498815 198.51.100.7 50000 typ srflx raddr 10.0.0.2 rport 40000 generation 0");

        String sdp = "v=0\r\ns=-\r\nm=audio 40000 UDP/TLS/RTP/SAVPF 0\r\n" + String.join("\r\n", lines) + "\r\n";
        IceSdp.Remote r = IceSdp.read(sdp);
        assertThat(r.credentials()).isEqualTo(creds);
        assertThat(r.fingerprint()).isEqualTo(fp);
        assertThat(r.setup()).isEqualTo(DtlsSetup.ACTPASS);
        assertThat(r.rtcpMux()).isTrue();
        assertThat(r.candidates()).extracting(IceCandidate::ip, IceCandidate::port, IceCandidate::type, IceCandidate::relAddr)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("127.0.0.1", 40000, "host", null),
                org.assertj.core.groups.Tuple.tuple("198.51.100.7", 50000, "srflx", "10.0.0.2"));
    }

    @Test
    void sessionLevelValuesApplyAndOtherSectionsAreIgnored() {
        String sdp = String.join("\n", "v=0", "a=ice-ufrag:sess", "a=ice-pwd:sesspasswordsesspassword",
            "a=fingerprint:sha-256 00:11", "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=setup:active",
            "a=candidate:842163049 1 udp 1677729535 192.0.2.9 3478 typ srflx raddr 0.0.0.0 rport 0 generation 0 network-cost 999",
            "a=candidate:x 1 tcp 1518280447 192.0.2.9 9 typ host tcptype active generation 0",
            "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=ice-ufrag:video", "a=candidate:9 1 udp 1 192.0.2.10 1 typ host");
        IceSdp.Remote r = IceSdp.read(sdp);
        assertThat(r.credentials().ufrag()).isEqualTo("sess");
        assertThat(r.fingerprint().value()).isEqualTo("00:11");
        assertThat(r.setup()).isEqualTo(DtlsSetup.ACTIVE);
        assertThat(r.rtcpMux()).isFalse();
        assertThat(r.candidates()).extracting(IceCandidate::protocol).containsExactly("udp", "tcp");
    }

    @Test
    void malformedInputIsLeftOutNeverThrown() {
        assertThat(IceSdp.parseCandidate("a=candidate:1 1 udp notanumber 1.2.3.4 5 typ host")).isNull();
        assertThat(IceSdp.parseCandidate("candidate:1 1 udp 1 1.2.3.4 99999 typ host")).isNull();
        assertThat(IceSdp.parseCandidate("candidate:1 0 udp 1 1.2.3.4 5 typ host")).isNull();
        assertThat(IceSdp.parseCandidate("candidate:1 1 udp 1 1.2.3.4 5 type host")).isNull();
        assertThat(IceSdp.parseCandidate("candidate:1 1 udp")).isNull();
        assertThat(IceSdp.parseCandidate("a=candidate:1 1 udp 1 abc.local 5 typ host raddr")).isNotNull(); // parsed; ICE ignores it
        assertThat(IceSdp.parseCandidate(null)).isNull();
        IceSdp.Remote r = IceSdp.read("m=audio 1 RTP/AVP 0\na=ice-ufrag:\na=fingerprint:sha-256\na=setup:sideways\n\u0000garbage");
        assertThat(r.credentials()).isNull();
        assertThat(r.fingerprint()).isNull();
        assertThat(r.setup()).isNull();
        assertThat(IceSdp.read(null).candidates()).isEmpty();
    }

    @Test
    void setupWordsAndTheAnswerersChoice() {
        assertThat(DtlsSetup.parse(" ActPass ")).isEqualTo(DtlsSetup.ACTPASS);
        assertThat(DtlsSetup.parse("holdconn")).isNull();
        assertThat(DtlsSetup.PASSIVE.xmlValue()).isEqualTo("passive");
        assertThat(DtlsSetup.ACTPASS.answerTo()).isEqualTo(DtlsSetup.ACTIVE);
        assertThat(DtlsSetup.ACTIVE.answerTo()).isEqualTo(DtlsSetup.PASSIVE);
    }
}
