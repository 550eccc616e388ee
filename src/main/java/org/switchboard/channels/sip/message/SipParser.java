package org.switchboard.channels.sip.message;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bytes to a {@link SipMessage} (RFC 3261 §7, §25), with no I/O: a datagram whole, or one frame
 * cut by {@link SipStreamDecoder}. Bad input gives a {@link ParseResult.Failure}, never an exception.
 */
public final class SipParser {
    private static final byte[] NO_BODY = new byte[0];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long DELS = 0x7f7f7f7f7f7f7f7fL;
    private static final long HIGHS = 0x8080808080808080L;

    private final SipLimits limits;

    public SipParser(SipLimits limits) { this.limits = limits; }

    public SipParser() { this(SipLimits.DEFAULT); }

    public ParseResult parse(byte[] bytes) { return parse(bytes, 0, bytes.length, true); }

    /** Whether a datagram is only CRs and LFs: a keep-alive to ignore, not a message to refuse (RFC 5626 §3.5.1). */
    public static boolean isKeepAlive(byte[] bytes, int off, int len) {
        for (int i = off; i < off + len; i++) if (bytes[i] != '\r' && bytes[i] != '\n') return false;
        return true;
    }

    /**
     * Parses {@code bytes[off..off+len)}. With {@code datagram}, a missing Content-Length means the
     * body runs to the end (RFC 3261 §18.3); otherwise it means no body.
     */
    public ParseResult parse(byte[] bytes, int off, int len, boolean datagram) {
        try {
            return parseUnchecked(bytes, off, len, datagram);
        } catch (RuntimeException e) { // a bug must not kill a socket reader: report it as a failure
            return new ParseResult.Failure(400, "unparseable message: " + e, null, null);
        }
    }

    private ParseResult parseUnchecked(byte[] b, int off, int len, boolean datagram) {
        int end = off + len;
        if (len > limits.maxMessageSize()) return fail(513, "message larger than " + limits.maxMessageSize() + " bytes");
        int start = off;
        while (start < end && (b[start] == '\r' || b[start] == '\n')) start++; // §7.5 leading CRLFs
        if (start == end) return fail(400, "empty message");
        // find the blank line ending the headers, noting the first byte §25 does not allow on the way
        int bodyStart = -1;
        int headEnd = -1;
        int fault = -1;
        for (int i = start; i < end; i++) {
            // skip eight ordinary bytes at a time: none below 0x20, none 0x7f (SWAR "has less than")
            while (i + 8 <= end) {
                long x = (long) LONGS.get(b, i);
                long y = x ^ DELS;
                if (((((x - SPACES) & ~x) | ((y - ONES) & ~y)) & HIGHS) != 0) break;
                i += 8;
            }
            if (i >= end) break;
            int c = b[i] & 0xff;
            if (c >= 0x20 && c != 0x7f) continue;
            if (c == '\n') {
                int j = i + 1;
                if (j < end && b[j] == '\r') j++;
                if (j < end && b[j] == '\n') {
                    headEnd = i;
                    bodyStart = j + 1;
                    break;
                }
            } else if (fault < 0 && HeadFaults.isFault(b, start, end, i)) {
                fault = i;
            }
        }
        int stop = bodyStart < 0 ? end : headEnd;
        if (fault >= 0) return refused(400, HeadFaults.describe(b, start, fault), HeadFaults.withoutFaultyLines(b, start, stop), datagram);
        if (bodyStart < 0) { // §7: headers end with an empty line; keep what was read so a 400 can be sent
            return refused(400, "truncated message: no blank line after the headers", Arrays.copyOfRange(b, start, end), datagram);
        }
        if (headEnd - start > limits.maxHeaderSize()) {
            return refused(513, "header section larger than " + limits.maxHeaderSize() + " bytes",
                Arrays.copyOfRange(b, start, headEnd), datagram);
        }
        String head = new String(b, start, headEnd - start, StandardCharsets.UTF_8);
        return parseHead(head, b, bodyStart, end, datagram);
    }

    /**
     * A message refused with {@code status} for {@code why}: the head is still read, as far as it
     * goes, so that the refusal can carry the request's Via, Call-ID and CSeq (RFC 3261 §8.2.6).
     */
    private ParseResult refused(int status, String why, byte[] head, boolean datagram) {
        ParseResult partial = parseHead(new String(head, StandardCharsets.UTF_8), head, head.length, head.length, datagram);
        return switch (partial) {
            case ParseResult.Ok ok -> new ParseResult.Failure(status, why, ok.message() instanceof SipRequest r ? r.method() : null,
                ok.message().headers());
            case ParseResult.Failure f -> new ParseResult.Failure(status, why, f.method(), f.headers());
        };
    }

    private ParseResult parseHead(String h, byte[] b, int bodyStart, int end, boolean datagram) {
        int n = h.length();
        int le = lineEnd(h, 0, n);
        int lineLen = trimCr(h, 0, le);
        if (lineLen > limits.maxLineLength()) return fail(414, "start line longer than " + limits.maxLineLength());
        // start line
        String method = null;
        SipUri uri = null;
        int status = 0;
        String reason = null;
        int errStatus = 0;
        String err = null;
        if (h.regionMatches(true, 0, "SIP/", 0, 4)) { // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase (§7.2)
            // ABNF literals are case-insensitive (RFC 2234 §2.3), so "sip/2.0" is SIP/2.0
            if (!h.regionMatches(true, 0, "SIP/2.0 ", 0, 8)) return fail(0, "unsupported SIP version in status line");
            int ss = 8;
            long st = lineLen >= ss + 3 ? Text.parseDigits(h, ss, ss + 3, 3) : -1;
            if (st < 100 || st > 699 || (lineLen > ss + 3 && h.charAt(ss + 3) != ' ')) {
                return fail(0, "bad status code");
            }
            status = (int) st;
            reason = lineLen > ss + 4 ? h.substring(ss + 4, lineLen) : "";
        } else { // Request-Line = Method SP Request-URI SP SIP-Version CRLF (§7.1)
            int sp1 = h.indexOf(' ');
            int sp2 = h.lastIndexOf(' ', lineLen - 1);
            if (sp1 <= 0 || sp1 >= lineLen || sp2 <= sp1) return fail(400, "malformed request line");
            method = SipMethod.intern(h, 0, sp1);
            if (!Text.isToken(method)) return fail(400, "bad method name");
            if (sp2 == lineLen - 1 || Text.isWs(h.charAt(lineLen - 1))) {
                err = "whitespace at end of request line"; // RFC 4475 §3.1.2.10
                errStatus = 400;
            } else if (!h.regionMatches(true, sp2 + 1, "SIP/2.0", 0, 7) || lineLen - sp2 - 1 != 7) {
                err = "unsupported SIP version " + h.substring(sp2 + 1, lineLen);
                errStatus = 505; // §8.2.2 (RFC 4475 §3.1.2.16)
            } else if (sp2 == sp1 + 1 || h.indexOf(' ', sp1 + 1) != sp2) {
                err = "whitespace in Request-URI"; // §7.1 single SP (RFC 4475 §3.1.2.8, §3.1.2.9)
                errStatus = 400;
            } else {
                try {
                    uri = SipUri.parse(h, sp1 + 1, sp2);
                    if (!uri.isSip() && !uri.isTel()) {
                        err = "unsupported URI scheme " + uri.scheme();
                        errStatus = 416; // §8.2.2.1
                    } else if (uri.headers() != null) {
                        err = "headers in Request-URI"; // §19.1.5, RFC 4475 §3.1.2.11
                        errStatus = 400;
                    }
                } catch (IllegalArgumentException e) {
                    errStatus = 400;
                    err = "bad Request-URI: " + e.getMessage();
                }
            }
        }
        // header fields, with §7.3.1 line folding; a bad line is left out (with its folded
        // continuation) and the first fault reported, the other lines still read for the answer
        Headers.Builder hb = Headers.builder();
        String name = null;
        String value = null;
        StringBuilder folded = null;
        int lines = 0;
        for (int ls = le + 1; ls < n; ) {
            int e = lineEnd(h, ls, n);
            int te = trimCr(h, ls, e);
            String bad = null;
            String tooLong = te - ls > limits.maxLineLength() ? "header line longer than " + limits.maxLineLength() : null;
            char c0 = te > ls ? h.charAt(ls) : ' ';
            if (Text.isWs(c0)) {
                if (tooLong != null) {
                    bad = tooLong;
                } else if (name == null) {
                    if (lines == 0) bad = "continuation line before any header"; // else it continues a line left out
                } else {
                    if (folded == null) folded = new StringBuilder(value);
                    int fs = Text.skipWs(h, ls, te);
                    if (fs < te) folded.append(' ').append(h, fs, te);
                }
            } else {
                if (name != null) commit(hb, name, folded != null ? folded.toString().trim() : value);
                name = null;
                folded = null;
                if (++lines > limits.maxHeaders()) return fail(400, "more than " + limits.maxHeaders() + " header fields", method, hb);
                bad = tooLong != null ? tooLong : headerLineFault(h, ls, te);
                if (bad == null) {
                    int colon = h.indexOf(':', ls);
                    name = HeaderNames.canonical(h, ls, Text.trimEnd(h, ls, colon));
                    int vs = Text.skipWs(h, colon + 1, te);
                    value = h.substring(vs, Text.trimEnd(h, vs, te));
                }
            }
            if (bad != null && err == null) {
                err = bad;
                errStatus = 400;
            }
            ls = e + 1;
        }
        if (name != null) commit(hb, name, folded != null ? folded.toString().trim() : value);
        Headers headers = hb.build();
        if (err != null) return new ParseResult.Failure(errStatus, err, method, headers);
        // body framing, §18.3 and §20.14
        int avail = end - bodyStart;
        int bodyLen = avail;
        String cl = null;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.name(i) != HeaderNames.CONTENT_LENGTH) continue;
            if (cl != null && !cl.equals(headers.value(i))) return fail(400, "conflicting Content-Length", method, headers);
            cl = headers.value(i);
        }
        if (cl != null) {
            long v = Text.parseDigits(cl, 0, cl.length(), 10);
            if (v < 0) return fail(400, "bad Content-Length '" + cl + "'", method, headers);
            if (v > avail) return fail(400, "Content-Length " + v + " larger than the " + avail + " bytes of body", method, headers);
            bodyLen = (int) v; // extra bytes of a datagram are discarded (§18.3)
        } else if (!datagram) {
            bodyLen = 0;
        }
        byte[] body = bodyLen == 0 ? NO_BODY : Arrays.copyOfRange(b, bodyStart, bodyStart + bodyLen);
        // the headers every message needs (§8.1.1), checked so accessors cannot throw later
        String why = check(headers, method);
        if (why != null) return fail(400, why, method, headers);
        if (method != null) return new ParseResult.Ok(new SipRequest(method, uri, headers, body));
        return new ParseResult.Ok(new SipResponse(status, reason, headers, body));
    }

    /** Why {@code h[ls..te)} is no header field (§25: header-name HCOLON value), or null when it is one. */
    private static String headerLineFault(String h, int ls, int te) {
        int colon = h.indexOf(':', ls);
        if (colon < 0 || colon >= te) return "header line without ':'";
        int ne = Text.trimEnd(h, ls, colon);
        if (ne == ls) return "empty header name";
        for (int i = ls; i < ne; i++) {
            if (!Text.isToken(h.charAt(i))) return "bad header name '" + h.substring(ls, Math.min(ne, ls + 32)) + "'";
        }
        return null;
    }

    /** The headers every message needs (§8.1.1, §20), in one pass; names from the parser are canonical constants. */
    private static String check(Headers h, String method) {
        int via = -1, from = -1, to = -1, callId = -1, cseq = -1, maxFwd = -1, date = -1, contacts = 0;
        int n = h.size();
        for (int i = 0; i < n; i++) {
            String name = h.name(i);
            if (name == HeaderNames.VIA) { if (via < 0) via = i; }
            else if (name == HeaderNames.FROM) { if (from >= 0) return "more than one From"; from = i; }
            else if (name == HeaderNames.TO) { if (to >= 0) return "more than one To"; to = i; }
            else if (name == HeaderNames.CALL_ID) { if (callId >= 0) return "more than one Call-ID"; callId = i; }
            else if (name == HeaderNames.CSEQ) { if (cseq >= 0) return "more than one CSeq"; cseq = i; }
            else if (name == HeaderNames.MAX_FORWARDS) { if (maxFwd < 0) maxFwd = i; }
            else if (name == HeaderNames.CONTACT) contacts++;
            else if (name == HeaderNames.DATE) { if (date >= 0) return "more than one Date"; date = i; }
        }
        if (via < 0) return "missing Via";
        if (from < 0) return "missing From";
        if (to < 0) return "missing To";
        if (callId < 0 || h.value(callId).isEmpty()) return "missing Call-ID";
        if (cseq < 0) return "missing CSeq";
        String at = HeaderNames.VIA;
        try {
            h.parsedAt(via, Via::parse);
            at = HeaderNames.FROM;
            h.parsedAt(from, NameAddr::parse);
            at = HeaderNames.TO;
            h.parsedAt(to, NameAddr::parse);
            at = HeaderNames.CSEQ;
            CSeq c = h.parsedAt(cseq, CSeq::parse);
            if (method != null && !c.method().equals(method)) return "CSeq method does not match the request method";
            if (maxFwd >= 0) {
                String mf = h.value(maxFwd);
                long v = Text.parseDigits(mf, 0, mf.length(), 10);
                if (v < 0 || v > 255) return "bad Max-Forwards"; // §20.22, RFC 4475 §3.1.2.4
            }
            // RFC 4475 §3.1.2.12; a response's Date is only informative to us: a peer's odd one never loses its answer
            if (date >= 0 && method != null && !SipDate.isValid(h.value(date))) return "bad Date: not an RFC 1123 date in GMT";
            at = HeaderNames.CONTACT;
            for (int i = 0; contacts > 0 && i < n; i++) {
                if (h.name(i) != HeaderNames.CONTACT) continue;
                NameAddr c1 = h.parsedAt(i, NameAddr::parse);
                if (c1.isWildcard() && contacts > 1) return "Contact * with other Contacts";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "bad " + at + ": " + e.getMessage();
        }
    }

    private static void commit(Headers.Builder hb, String name, String value) {
        if (HeaderNames.isList(name) && value.indexOf(',') >= 0) Text.splitCommas(value, v -> hb.addRaw(name, v));
        else hb.addRaw(name, value);
    }

    private static int lineEnd(String h, int from, int n) {
        int e = h.indexOf('\n', from);
        return e < 0 ? n : e;
    }

    private static int trimCr(String h, int from, int e) {
        return e > from && h.charAt(e - 1) == '\r' ? e - 1 : e;
    }

    private static ParseResult fail(int status, String reason) {
        return new ParseResult.Failure(status, reason, null, null);
    }

    private static ParseResult fail(int status, String reason, String method, Headers.Builder hb) {
        return new ParseResult.Failure(status, reason, method, hb.build());
    }

    private static ParseResult fail(int status, String reason, String method, Headers h) {
        return new ParseResult.Failure(status, reason, method, h);
    }
}
