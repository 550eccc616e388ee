package org.switchboard.channels.sip.message;

import java.util.Arrays;

/** A SIP request (RFC 3261 §7.1): method, Request-URI, headers and body. */
public record SipRequest(String method, SipUri uri, Headers headers, byte[] body) implements SipMessage {

    private static final byte[] NONE = new byte[0];

    public SipRequest {
        if (headers == null) headers = Headers.EMPTY;
        if (body == null) body = NONE;
    }

    public boolean isInvite() { return method.equals(SipMethod.INVITE); }
    public boolean isAck() { return method.equals(SipMethod.ACK); }

    /** Max-Forwards, or -1 when absent or malformed (RFC 3261 §8.1.1.6). */
    public int maxForwards() {
        String v = headers.get(HeaderNames.MAX_FORWARDS);
        if (v == null) return -1;
        v = v.trim();
        long n = Text.parseDigits(v, 0, v.length(), 10);
        return n > 255 ? -1 : (int) n;
    }

    public SipRequest withHeaders(Headers h) { return new SipRequest(method, uri, h, body); }
    public SipRequest withUri(SipUri u) { return new SipRequest(method, u, headers, body); }

    @Override public boolean equals(Object o) {
        return o instanceof SipRequest r && method.equals(r.method) && uri.equals(r.uri)
            && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    @Override public int hashCode() { return (method.hashCode() * 31 + uri.hashCode()) * 31 + headers.hashCode(); }

    @Override public String toString() { return new String(SipWriter.write(this), java.nio.charset.StandardCharsets.UTF_8); }
}
