package org.switchboard.channels.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.channels.sip.message.SipMessages.crlf;
import static org.switchboard.channels.sip.message.SipMessages.parseFail;
import static org.switchboard.channels.sip.message.SipMessages.parseOk;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 3261 §25 at the byte level: a NUL or other control character in a header name or value, and
 * a CR without its LF, make the message a 400 whose reason phrase says what is wrong and where,
 * over a datagram and over a stream alike; the refusal still echoes the request's Call-ID and CSeq.
 */
class SipGrammarTest {
    private static final String OPTIONS = """
        OPTIONS sip:100@pbx.example.com SIP/2.0
        Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKgrammar
        Max-Forwards: 70
        From: <sip:alice@example.com>;tag=1
        To: <sip:100@pbx.example.com>
        Call-ID: grammar-1
        CSeq: 7 OPTIONS
        Subject: hello
        Content-Length: 0

        """;

    /** The message with the first {@code from} replaced by {@code to}, CRLF line ends, as ISO-8859-1 bytes (\0 stays one byte). */
    private static byte[] mutated(String from, String to) {
        String text = new String(crlf(OPTIONS), StandardCharsets.ISO_8859_1);
        int at = text.indexOf(from);
        assertThat(at).isNotNegative();
        return (text.substring(0, at) + to + text.substring(at + from.length())).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The failure from a datagram and from a stream, which must agree. */
    private static ParseResult.Failure refused(byte[] raw) {
        ParseResult.Failure datagram = parseFail(raw);
        List<ParseResult> stream = new SipStreamDecoder().feed(raw);
        assertThat(stream).hasSize(1);
        ParseResult.Failure framed = (ParseResult.Failure) stream.get(0);
        assertThat(framed.reason()).isEqualTo(datagram.reason());
        assertThat(framed.status()).isEqualTo(datagram.status());
        return datagram;
    }

    private static SipResponse answer(ParseResult.Failure f) {
        assertThat(f.canAnswer()).as("answerable: %s", f).isTrue();
        SipResponse r = SipResponses.reject(f, "t1");
        String text = new String(SipWriter.write(r), StandardCharsets.UTF_8);
        assertThat(text).contains("\r\nCall-ID: grammar-1\r\n", "\r\nCSeq: 7 OPTIONS\r\n");
        if (r.headers().contains(HeaderNames.VIA) && r.headers().contains(HeaderNames.FROM) && r.headers().contains(HeaderNames.TO)) {
            parseOk(SipWriter.write(r)); // with all it could echo, the answer is a well-formed response
        }
        return r;
    }

    @Test void nulInAHeaderNameIsNoViaAndGetsA400SayingSo() {
        ParseResult.Failure f = refused(mutated("Via:", "Via\0\0:"));
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.reason()).isEqualTo("NUL in header name 'Via'");
        assertThat(f.headers().contains(HeaderNames.VIA)).as("Via\\0\\0: is not a Via").isFalse();
        SipResponse r = answer(f);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.reason()).isEqualTo("Bad Request (NUL in header name 'Via')");
        assertThat(r.headers().contains(HeaderNames.VIA)).isFalse();
    }

    @Test void nulInsideAHeaderNameBeforeCallIdStillLeavesTheAnswer() {
        ParseResult.Failure f = refused(mutated("Max-Forwards", "Max\0Forwards"));
        assertThat(f.reason()).isEqualTo("NUL in header name 'Max'");
        SipResponse r = answer(f);
        assertThat(r.topVia().branch()).isEqualTo("z9hG4bKgrammar");
    }

    @Test void nulOrEscapeInAValueNamesTheHeader() {
        assertThat(refused(mutated("Subject: hello", "Subject: hel\0lo")).reason()).isEqualTo("NUL in header 'Subject'");
        ParseResult.Failure esc = refused(mutated("Subject: hello", "Subject: \u001b[2J"));
        assertThat(esc.reason()).isEqualTo("control character 0x1b in header 'Subject'");
        answer(esc);
    }

    @Test void aDelIsAControlCharacterToo() { // found by SipFuzz: the 400 echoed the From with its DEL
        ParseResult.Failure f = refused(mutated("<sip:alice@example.com>", "<sip:alice\u007f@example.com>"));
        assertThat(f.reason()).isEqualTo("control character 0x7f in header 'From'");
        SipResponse r = answer(f);
        assertThat(r.headers().contains(HeaderNames.FROM)).as("the faulty From is not echoed").isFalse();
        ParseResult.Failure inStartLine = refused(mutated("sip:100@pbx", "sip:1\u007f0@pbx"));
        assertThat(new String(SipWriter.write(SipResponses.reject(inStartLine, "t")), StandardCharsets.ISO_8859_1))
            .doesNotContain("\u007f");
    }

    @Test void aControlCharacterInAFoldedLineNamesTheHeaderItContinues() {
        ParseResult.Failure f = refused(mutated("Subject: hello\r\n", "Subject: hello\r\n  wor\u0007ld\r\n"));
        assertThat(f.reason()).isEqualTo("control character 0x07 in header 'Subject'");
        answer(f);
    }

    @Test void aBareCrIsRefusedNotDroppedAndTheLinesAroundItStillCount() {
        ParseResult.Failure inValue = refused(mutated("Subject: hello", "Subject: hel\rlo"));
        assertThat(inValue.reason()).isEqualTo("bare CR in header 'Subject'");
        assertThat(answer(inValue).reason()).isEqualTo("Bad Request (bare CR in header 'Subject')");
        // a line ended by a CR alone: the next line is still read, so the answer carries its CSeq
        ParseResult.Failure asLineEnd = refused(mutated("Call-ID: grammar-1\r\n", "Call-ID: grammar-1\r"));
        assertThat(asLineEnd.reason()).isEqualTo("bare CR in header 'Call-ID'");
        answer(asLineEnd);
    }

    @Test void aControlCharacterInTheStartLineKeepsTheMethod() {
        ParseResult.Failure f = refused(mutated("sip:100@pbx", "sip:1\u00010@pbx"));
        assertThat(f.reason()).isEqualTo("control character 0x01 in the start line");
        assertThat(f.method()).isEqualTo("OPTIONS");
        answer(f);
    }

    @Test void anEscapedControlCharacterInAQuotedStringIsAllowed() {
        SipMessage m = parseOk(mutated("From: <sip:", "From: \"a\\\u0001b\" <sip:")); // quoted-pair, §25.1
        assertThat(m.from().uri().user()).isEqualTo("alice");
    }

    @Test void aBadHeaderLineIsLeftOutAndTheRestIsStillRead() {
        ParseResult.Failure f = refused(mutated("Max-Forwards: 70", "Max Forwards: 70"));
        assertThat(f.reason()).isEqualTo("bad header name 'Max Forwards'");
        answer(f);
        ParseResult.Failure noColon = refused(mutated("Max-Forwards: 70", "Max-Forwards 70"));
        assertThat(noColon.reason()).isEqualTo("header line without ':'");
        answer(noColon);
    }

    @Test void aHeaderSectionOverTheLimitIs513() {
        SipLimits small = SipLimits.DEFAULT.withMaxHeaderSize(300);
        byte[] raw = mutated("Subject: hello", "Subject: " + "h".repeat(400));
        ParseResult.Failure f = (ParseResult.Failure) new SipParser(small).parse(raw);
        assertThat(f.status()).isEqualTo(513);
        assertThat(f.reason()).isEqualTo("header section larger than 300 bytes");
        assertThat(SipResponses.reject(f, "t").reason()).startsWith("Message Too Large");
        assertThat(new SipParser(small).parse(crlf(OPTIONS)).isOk()).isTrue();
    }
}
