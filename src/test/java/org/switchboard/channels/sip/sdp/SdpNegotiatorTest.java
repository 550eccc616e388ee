package org.switchboard.channels.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3264 offer/answer with our codec set. */
class SdpNegotiatorTest {
    private static final SdpNegotiator.Local US =
        new SdpNegotiator.Local("203.0.113.5", 10000, "switchboard", 42, 1, true, 20, Direction.SENDRECV);

    private static SdpNegotiator.Accepted accept(String offer, List<Codec> allowed, SdpNegotiator.Local local) {
        SdpNegotiator.Result r = SdpNegotiator.answer(SdpParserTest.parse(offer), allowed, local);
        if (r instanceof SdpNegotiator.Rejected rej) throw new AssertionError(rej.reason());
        return (SdpNegotiator.Accepted) r;
    }

    @Test void choosesInOurOrderWithTheOffersPayloadTypes() {
        SdpNegotiator.Accepted a = accept(SdpParserTest.OFFER, List.of(Codec.PCMA, Codec.OPUS, Codec.PCMU), US);
        assertThat(a.codecs()).containsExactly(Codec.PCMA, Codec.OPUS, Codec.PCMU);
        assertThat(a.payloadTypes()).containsExactly(8, 96, 0);
        assertThat(a.dtmfPayloadType()).isEqualTo(101);
        assertThat(a.remoteAddress()).isEqualTo("192.0.2.10");
        assertThat(a.remotePort()).isEqualTo(49170);
        assertThat(a.ptime()).isEqualTo(30);
        assertThat(a.held()).isFalse();
        SessionDescription ans = a.answer();
        assertThat(ans.media()).hasSize(2); // §6: one m= line per offered one
        MediaDescription audio = ans.media().get(0);
        assertThat(audio.formats()).containsExactly("8", "96", "0", "101");
        assertThat(audio.port()).isEqualTo(10000);
        assertThat(audio.fmtp(96)).isEqualTo("useinbandfec=1");
        assertThat(audio.fmtp(101)).isEqualTo("0-15");
        assertThat(audio.rtpMap(96).encoding()).isEqualTo("opus");
        assertThat(audio.ptime()).isEqualTo(30);
        assertThat(audio.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(ans.media().get(1).port()).isZero(); // video refused
        assertThat(ans.connection().address()).isEqualTo("203.0.113.5");
        // what we send parses back to the same thing
        assertThat(SdpParserTest.parse(SdpWriter.write(ans).replace("\r\n", "\n"))).isEqualTo(ans);
    }

    @Test void staticTypesWithoutRtpmapAndDynamicNumbersMatchByName() {
        String offer = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 5004 RTP/AVP 0 18 120\n"
            + "a=rtpmap:120 G722/8000\n";
        SdpNegotiator.Accepted a = accept(offer, List.of(Codec.G722, Codec.PCMU), US);
        assertThat(a.codecs()).containsExactly(Codec.G722, Codec.PCMU);
        assertThat(a.payloadTypes()).containsExactly(120, 0);
        assertThat(a.dtmfPayloadType()).isEqualTo(-1);
        assertThat(a.ptime()).isEqualTo(20);
    }

    @Test void noCommonCodecIs488() {
        String offer = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 5004 RTP/AVP 18 3\n"
            + "a=rtpmap:18 G729/8000\n";
        SdpNegotiator.Result r = SdpNegotiator.answer(SdpParserTest.parse(offer), List.of(Codec.PCMU, Codec.PCMA), US);
        assertThat(r).isInstanceOf(SdpNegotiator.Rejected.class);
        assertThat(((SdpNegotiator.Rejected) r).status()).isEqualTo(488);
        assertThat(((SdpNegotiator.Rejected) r).reason()).contains("no common codec");
        SdpNegotiator.Result v = SdpNegotiator.answer(SdpParserTest.parse(
            "v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 h\nt=0 0\nm=video 5 RTP/AVP 31\n"), List.of(Codec.PCMU), US);
        assertThat(v).isInstanceOf(SdpNegotiator.Rejected.class);
        SdpNegotiator.Result s = SdpNegotiator.answer(SdpParserTest.parse(
            "v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 h\nt=0 0\nm=audio 5 RTP/SAVP 0\n"), List.of(Codec.PCMU), US);
        assertThat(((SdpNegotiator.Rejected) s).reason()).contains("RTP/SAVP");
    }

    @Test void holdDirections() { // RFC 3264 §8.4
        String base = "v=0\no=- 1 2 IN IP4 192.0.2.1\ns=-\nc=IN IP4 %s\nt=0 0\nm=audio 5004 RTP/AVP 0\n%s";
        record Case(String addr, String attr, Direction answer, boolean held) {}
        for (Case c : List.of(
                new Case("192.0.2.1", "a=sendonly\n", Direction.RECVONLY, true),
                new Case("192.0.2.1", "a=recvonly\n", Direction.SENDONLY, true),
                new Case("192.0.2.1", "a=inactive\n", Direction.INACTIVE, true),
                new Case("0.0.0.0", "", Direction.RECVONLY, true),
                new Case("192.0.2.1", "", Direction.SENDRECV, false))) {
            SdpNegotiator.Accepted a = accept(String.format(base, c.addr(), c.attr()), List.of(Codec.PCMU), US);
            assertThat(a.direction()).as(c.toString()).isEqualTo(c.answer());
            assertThat(a.answer().media().get(0).direction()).isEqualTo(c.answer());
            assertThat(a.held()).as(c.toString()).isEqualTo(c.held());
        }
        // session-level direction applies when the media has none
        SdpNegotiator.Accepted s = accept("v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 h\nt=0 0\na=sendonly\nm=audio 5 RTP/AVP 0\n",
            List.of(Codec.PCMU), US);
        assertThat(s.direction()).isEqualTo(Direction.RECVONLY);
        // we hold: our sendonly against their sendrecv
        SdpNegotiator.Local holding = new SdpNegotiator.Local("203.0.113.5", 10000, "sb", 42, 2, true, 20, Direction.SENDONLY);
        SdpNegotiator.Accepted h = accept(String.format(base, "192.0.2.1", ""), List.of(Codec.PCMU), holding);
        assertThat(h.direction()).isEqualTo(Direction.SENDONLY);
    }

    @Test void ourOfferAndTheirAnswer() {
        SessionDescription offer = SdpNegotiator.offer(List.of(Codec.OPUS, Codec.G722, Codec.PCMU, Codec.PCMA), US);
        MediaDescription m = offer.media().get(0);
        assertThat(m.formats()).containsExactly("111", "9", "0", "8", "101");
        assertThat(m.rtpMap(111)).isEqualTo(new RtpMap(111, "opus", 48000, 2));
        assertThat(m.fmtp(101)).isEqualTo("0-16");
        assertThat(SdpWriter.write(offer)).contains("o=switchboard 42 1 IN IP4 203.0.113.5\r\n", "a=ptime:20\r\n", "a=sendrecv\r\n");
        String answer = "v=0\no=bob 7 7 IN IP4 198.51.100.7\ns=-\nc=IN IP4 198.51.100.7\nt=0 0\n"
            + "m=audio 30000 RTP/AVP 0 101\na=rtpmap:101 telephone-event/8000\na=fmtp:101 0-16\n";
        SdpNegotiator.Result r = SdpNegotiator.acceptAnswer(offer, SdpParserTest.parse(answer),
            List.of(Codec.OPUS, Codec.G722, Codec.PCMU, Codec.PCMA), US);
        SdpNegotiator.Accepted a = (SdpNegotiator.Accepted) r;
        assertThat(a.codec()).isEqualTo(Codec.PCMU);
        assertThat(a.remotePort()).isEqualTo(30000);
        assertThat(a.dtmfPayloadType()).isEqualTo(101);
    }

    @Test void allowDisallowLikeChanSip() {
        assertThat(Codec.fromAllowDisallow(List.of(new String[] {"disallow", "all"}, new String[] {"allow", "alaw,ulaw"},
            new String[] {"allow", "g722"}))).containsExactly(Codec.PCMA, Codec.PCMU, Codec.G722);
        assertThat(Codec.fromAllowDisallow(List.of(new String[] {"allow", "all"}, new String[] {"disallow", "opus"})))
            .containsExactly(Codec.PCMU, Codec.PCMA, Codec.G722);
    }
}
