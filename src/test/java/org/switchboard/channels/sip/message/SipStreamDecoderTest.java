package org.switchboard.channels.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing a TCP stream by Content-Length, with the limits and recovery. */
class SipStreamDecoderTest {

    private static byte[] invite(String callId) {
        SipRequest r = SipMessages.request("INVITE", SipMessages.SDP);
        return SipWriter.write(r.withHeaders(r.headers().toBuilder().set("Call-ID", callId).build()));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Test void messagesSplitAnywhereAndJoinedArriveWhole() {
        byte[] stream = concat("\r\n\r\n".getBytes(), invite("a"), invite("b"), "\r\n".getBytes(), invite("c"));
        for (int chunk : new int[] {1, 2, 7, 100, 1000, stream.length}) {
            SipStreamDecoder d = new SipStreamDecoder();
            List<ParseResult> out = new ArrayList<>();
            for (int i = 0; i < stream.length; i += chunk) d.feed(stream, i, Math.min(chunk, stream.length - i), out::add);
            assertThat(out).as("chunk " + chunk).hasSize(3).allMatch(ParseResult::isOk);
            assertThat(out).extracting(r -> r.messageOrNull().callId()).containsExactly("a", "b", "c");
            assertThat(out.get(0).messageOrNull().bodyText()).isEqualTo(SipMessages.SDP);
            assertThat(d.buffered()).isZero();
        }
    }

    @Test void oversizeBodyIsReportedSkippedAndTheNextMessageStillParses() {
        String big = "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\nFrom: <sip:x@y>;tag=1\r\n"
            + "To: <sip:a@b>\r\nCall-ID: big\r\nCSeq: 1 INVITE\r\nContent-Length: 70000\r\n\r\n";
        SipStreamDecoder d = new SipStreamDecoder();
        List<ParseResult> out = new ArrayList<>(d.feed(big.getBytes()));
        out.addAll(d.feed(new byte[70000]));
        out.addAll(d.feed(invite("next")));
        assertThat(out).hasSize(2);
        ParseResult.Failure f = (ParseResult.Failure) out.get(0);
        assertThat(f.status()).isEqualTo(513);
        assertThat(f.canAnswer()).isTrue();
        assertThat(SipResponses.reject(f, "t1").status()).isEqualTo(513);
        assertThat(out.get(1).messageOrNull().callId()).isEqualTo("next");
    }

    @Test void anOverlongLineIsRefusedAndTheStreamClosesForItsFramingIsLost() {
        SipStreamDecoder d = new SipStreamDecoder();
        String head = "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\nCall-ID: long\r\nCSeq: 1 INVITE\r\n";
        List<ParseResult> out = new ArrayList<>(d.feed((head + "X: " + "x".repeat(9000)).getBytes()));
        assertThat(out).hasSize(1);
        ParseResult.Failure f = (ParseResult.Failure) out.get(0);
        assertThat(f.reason()).isEqualTo("line longer than 8192 bytes");
        assertThat(f.canAnswer()).isTrue(); // the lines before it were read
        assertThat(SipResponses.reject(f, "t").reason()).isEqualTo("Bad Request (line longer than 8192 bytes)");
        assertThat(d.state()).isEqualTo(SipStreamDecoder.State.CLOSED);
        // whatever follows on this connection is not taken for a request
        assertThat(d.feed(concat("more junk\r\n\r\n".getBytes(), invite("after")))).isEmpty();
        assertThat(d.buffered()).isZero();
    }

    @Test void endlessHeadersAre513AtTheHeadLimitNotAtTheEndOfTheFlood() {
        SipStreamDecoder d = new SipStreamDecoder(SipLimits.DEFAULT.withMaxHeaderSize(4096));
        StringBuilder many = new StringBuilder("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\n"
            + "Call-ID: flood\r\nCSeq: 1 OPTIONS\r\n");
        while (many.length() < 70_000) many.append("X-Filler: ").append("y".repeat(100)).append("\r\n");
        List<ParseResult> out = new ArrayList<>();
        byte[] flood = many.toString().getBytes();
        for (int i = 0; i < flood.length; i += 1000) d.feed(flood, i, Math.min(1000, flood.length - i), out::add);
        assertThat(out).hasSize(1);
        ParseResult.Failure f = (ParseResult.Failure) out.get(0);
        assertThat(f.status()).isEqualTo(513);
        assertThat(f.reason()).isEqualTo("header section larger than 4096 bytes");
        assertThat(SipResponses.reject(f, "t").status()).isEqualTo(513);
        assertThat(d.state()).isEqualTo(SipStreamDecoder.State.CLOSED);
        assertThat(d.buffered()).isZero();
    }

    @Test void badContentLengthIsReportedAndDecodingGoesOn() {
        String bad = "BYE sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\nFrom: <sip:x@y>;tag=1\r\n"
            + "To: <sip:a@b>;tag=2\r\nCall-ID: bad\r\nCSeq: 2 BYE\r\nContent-Length: -5\r\n\r\n";
        SipStreamDecoder d = new SipStreamDecoder();
        List<ParseResult> out = d.feed(concat(bad.getBytes(), invite("good")));
        assertThat(out).hasSize(2);
        ParseResult.Failure f = (ParseResult.Failure) out.get(0);
        assertThat(f.reason()).contains("Content-Length");
        SipResponse r = SipResponses.reject(f, "zz");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.to().tag()).isEqualTo("2");
        assertThat(r.callId()).isEqualTo("bad");
        assertThat(out.get(1).isOk()).isTrue();
    }

    @Test void contentLengthFromRawBytes() {
        byte[] h = "A\r\ncontent-LENGTH :  12 \r\nl: 3\r\n".getBytes();
        assertThat(SipStreamDecoder.contentLength(h, 0, h.length)).isEqualTo(12);
        byte[] c = "A\r\nl:3\r\n".getBytes();
        assertThat(SipStreamDecoder.contentLength(c, 0, c.length)).isEqualTo(3);
        byte[] none = "A\r\nB: 1\r\n".getBytes();
        assertThat(SipStreamDecoder.contentLength(none, 0, none.length)).isEqualTo(-1);
    }

    @Test void keepAlivePingsAreCountedNotParsed() { // RFC 5626 §3.5.1
        SipStreamDecoder d = new SipStreamDecoder();
        assertThat(d.feed("\r\n\r".getBytes())).isEmpty();
        assertThat(d.feed("\n".getBytes())).isEmpty();
        assertThat(d.takePings()).isEqualTo(1);
        assertThat(d.feed(concat("\r\n\r\n".getBytes(), invite("x"), "\r\n".getBytes()))).hasSize(1);
        assertThat(d.takePings()).isEqualTo(1);
        assertThat(d.takePings()).isZero();
        assertThat(SipParser.isKeepAlive("\r\n\r\n".getBytes(), 0, 4)).isTrue();
        assertThat(SipParser.isKeepAlive(invite("y"), 0, 10)).isFalse();
    }
}
