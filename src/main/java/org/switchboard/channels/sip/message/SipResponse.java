package org.switchboard.channels.sip.message;

import java.util.Arrays;

/** A SIP response (RFC 3261 §7.2): status code, reason phrase, headers and body. */
public record SipResponse(int status, String reason, Headers headers, byte[] body) implements SipMessage {

    private static final byte[] NONE = new byte[0];

    public SipResponse {
        if (status < 100 || status > 699) throw new IllegalArgumentException("status out of range: " + status);
        if (reason == null) reason = ReasonPhrases.of(status);
        if (headers == null) headers = Headers.EMPTY;
        if (body == null) body = NONE;
    }

    public boolean isProvisional() { return status < 200; }
    public boolean isSuccess() { return status >= 200 && status < 300; }
    public boolean isFinal() { return status >= 200; }

    public SipResponse withHeaders(Headers h) { return new SipResponse(status, reason, h, body); }
    public SipResponse withBody(String contentType, byte[] b) {
        return new SipResponse(status, reason, headers.toBuilder().set(HeaderNames.CONTENT_TYPE, contentType).build(), b);
    }

    @Override public boolean equals(Object o) {
        return o instanceof SipResponse r && status == r.status && reason.equals(r.reason)
            && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    @Override public int hashCode() { return status * 31 + headers.hashCode(); }

    @Override public String toString() { return new String(SipWriter.write(this), java.nio.charset.StandardCharsets.UTF_8); }
}
