package org.switchboard.channels.sip.message;

import java.nio.charset.StandardCharsets;

/** Builders of test messages, and raw-text helpers. */
final class SipMessages {
    private SipMessages() {}

    static final String SDP = "v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\ns=-\r\n"
        + "c=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\n"
        + "a=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";

    static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    /** Raw text with "\n" line ends becomes CRLF. */
    static byte[] crlf(String s) { return bytes(s.replace("\r\n", "\n").replace("\n", "\r\n")); }

    static SipRequest request(String method, String body) {
        Headers.Builder h = Headers.builder()
            .add("Via", Via.of("UDP", "192.0.2.10", 5060, SipIds.branch()).toString())
            .add("Max-Forwards", "70")
            .add("From", "\"Alice\" <sip:alice@example.com>;tag=" + SipIds.tag())
            .add("To", "<sip:100@pbx.example.com>")
            .add("Call-ID", SipIds.callId("192.0.2.10"))
            .add("CSeq", "1 " + method)
            .add("Contact", "<sip:alice@192.0.2.10:5060>")
            .add("User-Agent", "Switchboard test");
        if (body != null) h.add("Content-Type", "application/sdp");
        return new SipRequest(method, SipUri.parse("sip:100@pbx.example.com"), h.build(), body == null ? null : bytes(body));
    }

    static SipMessage parseOk(byte[] raw) {
        ParseResult r = new SipParser().parse(raw);
        if (r instanceof ParseResult.Failure f) throw new AssertionError("parse failed: " + f.reason());
        return ((ParseResult.Ok) r).message();
    }

    static ParseResult.Failure parseFail(byte[] raw) {
        ParseResult r = new SipParser().parse(raw);
        if (r instanceof ParseResult.Failure f) return f;
        throw new AssertionError("expected a failure, parsed " + r);
    }
}
