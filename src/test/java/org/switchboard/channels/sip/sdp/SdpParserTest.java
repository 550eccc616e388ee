package org.switchboard.channels.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SDP text to records and back (RFC 4566). */
class SdpParserTest {

    static final String OFFER = """
        v=0
        o=alice 2890844526 2890844527 IN IP4 192.0.2.10
        s=Talk
        i=a call
        c=IN IP4 192.0.2.10
        b=AS:64
        t=0 0
        a=tool:baresip
        m=audio 49170 RTP/AVP 96 9 0 8 101
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 stereo=1;sprop-stereo=1
        a=rtpmap:9 G722/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=ptime:30
        a=sendrecv
        a=rtcp:49171
        m=video 51372 RTP/AVP 31
        c=IN IP4 192.0.2.11
        a=rtpmap:31 H261/90000
        """;

    static SessionDescription parse(String text) {
        SdpParser.Result r = SdpParser.parse(text.replace("\n", "\r\n"));
        if (r instanceof SdpParser.Malformed m) throw new AssertionError(m.reason());
        return ((SdpParser.Parsed) r).sdp();
    }

    @Test void parsesEveryPart() {
        SessionDescription d = parse(OFFER);
        assertThat(d.origin().sessionVersion()).isEqualTo(2890844527L);
        assertThat(d.origin().address()).isEqualTo("192.0.2.10");
        assertThat(d.sessionName()).isEqualTo("Talk");
        assertThat(d.connection().address()).isEqualTo("192.0.2.10");
        assertThat(d.other()).containsExactly("i=a call", "b=AS:64");
        assertThat(d.attributes()).containsExactly(new Attribute("tool", "baresip"));
        assertThat(d.media()).hasSize(2);
        MediaDescription a = d.media().get(0);
        assertThat(a.port()).isEqualTo(49170);
        assertThat(a.formats()).containsExactly("96", "9", "0", "8", "101");
        assertThat(a.rtpMap(96)).isEqualTo(new RtpMap(96, "opus", 48000, 2));
        assertThat(a.fmtp(101)).isEqualTo("0-15");
        assertThat(a.ptime()).isEqualTo(30);
        assertThat(a.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(a.attribute("rtcp")).isEqualTo("49171");
        assertThat(d.connectionFor(d.media().get(1)).address()).isEqualTo("192.0.2.11");
    }

    @Test void writesWhatItReads() {
        SessionDescription d = parse(OFFER);
        String text = SdpWriter.write(d);
        assertThat(text).isEqualTo(OFFER.replace("\n", "\r\n"));
        assertThat(((SdpParser.Parsed) SdpParser.parse(text)).sdp()).isEqualTo(d);
    }

    @Test void acceptsBareLinefeedsAndSavp() {
        SdpParser.Result r = SdpParser.parse("v=0\no=- 1 1 IN IP6 ::1\ns=-\nc=IN IP6 ::1\nt=0 0\nm=audio 4000/2 RTP/SAVP 0\n"
            + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:abc\n");
        SessionDescription d = ((SdpParser.Parsed) r).sdp();
        assertThat(d.media().get(0).isSecure()).isTrue();
        assertThat(d.media().get(0).portCount()).isEqualTo(2);
        assertThat(d.media().get(0).attribute("crypto")).startsWith("1 AES");
    }

    @Test void malformedIsAValue() {
        for (String bad : new String[] {"", "x", "o=a 1 1 IN IP4 h\nv=0\n", "v=0\ns=-\n", "v=0\no=a b\n",
            "v=0\no=a 1 1 IN IP4 h\nm=audio\n", "v=0\no=a 1 1 IN IP4 h\nm=audio 99999 RTP/AVP 0\n",
            "v=0\no=a 1 x IN IP4 h\n", "v=1\no=a 1 1 IN IP4 h\n", "v=0\no=a 1 1 IN IP4 h\nc=IN\n", "v=0\n\u0000=1\n"}) {
            assertThat(SdpParser.parse(bad)).as(bad).isInstanceOf(SdpParser.Malformed.class);
        }
    }
}
