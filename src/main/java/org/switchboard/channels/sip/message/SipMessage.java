package org.switchboard.channels.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A SIP request or response (RFC 3261 §7). Structured headers are parsed on first use and cached;
 * accessors of a message that came through {@link SipParser} never throw for the headers it checked
 * (Via, From, To, Call-ID, CSeq).
 */
public sealed interface SipMessage permits SipRequest, SipResponse {

    Headers headers();

    /** The body; never null, empty when there is none. Do not modify. */
    byte[] body();

    default String header(String name) { return headers().get(name); }

    default Via topVia() { return headers().first(HeaderNames.VIA, Via::parse); }
    default List<Via> vias() { return headers().all(HeaderNames.VIA, Via::parse); }
    default NameAddr from() { return headers().first(HeaderNames.FROM, NameAddr::parse); }
    default NameAddr to() { return headers().first(HeaderNames.TO, NameAddr::parse); }
    default String callId() { return headers().get(HeaderNames.CALL_ID); }
    default CSeq cseq() { return headers().first(HeaderNames.CSEQ, CSeq::parse); }
    default List<NameAddr> contacts() { return headers().all(HeaderNames.CONTACT, NameAddr::parse); }
    default List<NameAddr> recordRoutes() { return headers().all(HeaderNames.RECORD_ROUTE, NameAddr::parse); }
    default List<NameAddr> routes() { return headers().all(HeaderNames.ROUTE, NameAddr::parse); }
    default String contentType() { return headers().get(HeaderNames.CONTENT_TYPE); }

    default boolean hasBody() { return body().length > 0; }
    default String bodyText() { return new String(body(), StandardCharsets.UTF_8); }

    /** The Expires header as seconds, or -1 when absent or not a number. */
    default long expires() {
        String v = headers().get(HeaderNames.EXPIRES);
        return v == null ? -1 : Text.parseDigits(v.trim(), 0, v.trim().length(), 10);
    }
}
