package org.switchboard.channels.sip.message;

/** Builds responses from requests as a UAS does (RFC 3261 §8.2.6). */
public final class SipResponses {
    private SipResponses() {}

    /**
     * A response to {@code request}: Via (all, in order), From, To, Call-ID and CSeq copied
     * (§8.2.6.2); a To tag added when the request's To has none and the status is above 100;
     * Timestamp copied into a 100 (§8.2.6.1).
     */
    public static SipResponse create(SipRequest request, int status, String reason, String toTag) {
        return new SipResponse(status, reason, copyHeaders(request.headers(), status, toTag).build(), null);
    }

    public static SipResponse create(SipRequest request, int status, String toTag) {
        return create(request, status, null, toTag);
    }

    /**
     * The answer to a request the parser refused (400, 416, 505, 513), or null when it cannot be
     * answered (a response, an ACK, no CSeq, neither Call-ID nor Via). The reason is sent in the reason phrase
     * so a peer sees what was wrong; Vias that do not parse are left out of the answer.
     */
    public static SipResponse reject(ParseResult.Failure failure, String toTag) {
        if (!failure.canAnswer()) return null;
        int status = failure.status() == 0 ? 400 : failure.status();
        String reason = ReasonPhrases.of(status) + " (" + sanitize(failure.reason()) + ")";
        Headers h = failure.headers();
        Headers.Builder b = Headers.builder();
        for (int i = 0; i < h.size(); i++) {
            if (h.name(i) == HeaderNames.VIA && parses(h.value(i))) b.addRaw(HeaderNames.VIA, h.value(i));
        }
        if (h.get(HeaderNames.FROM) != null) b.addRaw(HeaderNames.FROM, h.get(HeaderNames.FROM));
        if (h.get(HeaderNames.TO) != null) b.addRaw(HeaderNames.TO, toWithTag(h.get(HeaderNames.TO), status, toTag));
        if (h.get(HeaderNames.CALL_ID) != null) b.addRaw(HeaderNames.CALL_ID, h.get(HeaderNames.CALL_ID));
        b.addRaw(HeaderNames.CSEQ, h.get(HeaderNames.CSEQ));
        return new SipResponse(status, reason, b.build(), null);
    }

    private static Headers.Builder copyHeaders(Headers h, int status, String toTag) {
        Headers.Builder b = Headers.builder();
        for (int i = 0; i < h.size(); i++) {
            if (h.name(i) == HeaderNames.VIA) b.addRaw(HeaderNames.VIA, h.value(i));
        }
        b.addRaw(HeaderNames.FROM, h.get(HeaderNames.FROM));
        b.addRaw(HeaderNames.TO, toWithTag(h.get(HeaderNames.TO), status, toTag));
        b.addRaw(HeaderNames.CALL_ID, h.get(HeaderNames.CALL_ID));
        b.addRaw(HeaderNames.CSEQ, h.get(HeaderNames.CSEQ));
        String ts = h.get(HeaderNames.TIMESTAMP);
        if (status == 100 && ts != null) b.addRaw(HeaderNames.TIMESTAMP, ts);
        return b;
    }

    private static String toWithTag(String to, int status, String toTag) {
        if (status == 100 || toTag == null) return to; // §8.2.6.1: 100 Trying carries no To tag
        try {
            NameAddr na = NameAddr.parse(to);
            return na.tag() != null ? to : na.withTag(toTag).toString();
        } catch (IllegalArgumentException e) {
            return to;
        }
    }

    private static boolean parses(String via) {
        try {
            Via.parse(via);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String sanitize(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 80));
        for (int i = 0; i < s.length() && sb.length() < 80; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c >= 0x7f ? ' ' : c);
        }
        return sb.toString();
    }
}
