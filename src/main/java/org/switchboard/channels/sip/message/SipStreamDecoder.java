package org.switchboard.channels.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts a byte stream (TCP, TLS) into SIP messages framed by Content-Length (RFC 3261 §18.3) and
 * hands each to {@link SipParser}. Enforces {@link SipLimits}: a message that is bad but framed is
 * reported and the next one read; a head over the size limit, or a line over the line limit, is
 * reported (513, 400, with the header lines read so far, so it can be answered) and the decoder
 * turns {@link State#CLOSED}: on a stream where framing is lost the connection must close, or the
 * next request would be read as the tail of the junk. Single-threaded, no I/O.
 */
public final class SipStreamDecoder {

    /** What the decoder is doing with the bytes it holds; CLOSED takes no more input. */
    public enum State { READ_HEADERS, READ_BODY, SKIP_BODY, CLOSED }

    private final SipParser parser;
    private final SipLimits limits;
    private final int headLimit;
    private byte[] buf = new byte[4096];
    private int start;
    private int end;
    private State state = State.READ_HEADERS;
    private int scan;        // where the header scan resumes, absolute in buf
    private int lineStart;   // start of the line being scanned
    private int frameLen;    // header + body length of the message being read
    private long skip;       // bytes left to discard in SKIP_BODY
    private int crlfs;       // line ends seen between messages, for keep-alive pings
    private int pings;

    public SipStreamDecoder(SipLimits limits) {
        this.limits = limits;
        this.headLimit = Math.min(limits.maxHeaderSize(), limits.maxMessageSize());
        this.parser = new SipParser(limits);
    }

    public SipStreamDecoder() { this(SipLimits.DEFAULT); }

    public State state() { return state; }

    /**
     * Double-CRLF keep-alive pings received since the last call; the transport answers each with
     * one CRLF pong (RFC 5626 §4.4.1).
     */
    public int takePings() {
        int n = pings;
        pings = 0;
        return n;
    }

    /** Bytes held, waiting for the rest of a message. */
    public int buffered() { return end - start; }

    /** Whether a message has begun and is not complete yet (its head, its body, or a body being skipped). */
    public boolean inMessage() { return state == State.READ_BODY || state == State.SKIP_BODY || end > start; }

    public List<ParseResult> feed(byte[] bytes) {
        List<ParseResult> out = new ArrayList<>(1);
        feed(bytes, 0, bytes.length, out::add);
        return out;
    }

    /** Appends bytes and emits every message (or failure) they complete. */
    public void feed(byte[] bytes, int off, int len, Consumer<ParseResult> out) {
        if (state == State.CLOSED) return;
        append(bytes, off, len);
        boolean progress = true;
        while (progress && start < end) {
            progress = switch (state) {
                case READ_HEADERS -> readHeaders(out);
                case READ_BODY -> readBody(out);
                case SKIP_BODY -> skipBody();
                case CLOSED -> false;
            };
        }
        if (start == end) {
            start = end = scan = lineStart = 0;
        }
    }

    private boolean readHeaders(Consumer<ParseResult> out) {
        if (scan == start) { // §7.5: CRLFs between messages (and RFC 5626 keep-alives) are ignored
            while (start < end && (buf[start] == '\r' || buf[start] == '\n')) {
                if (buf[start++] == '\n' && ++crlfs == 2) { // RFC 5626 §3.5.1: CRLFCRLF is a ping
                    pings++;
                    crlfs = 0;
                }
            }
            scan = lineStart = start;
            if (start == end) return false;
            crlfs = 0;
        }
        for (int i = scan; i < end; i++) {
            byte c = buf[i];
            if (c == '\n') {
                int j = i + 1;
                if (j < end && buf[j] == '\r') j++;
                if (j < end && buf[j] == '\n') return headersDone(j + 1, out);
                if (j >= end) { scan = i; return false; } // need the next byte to decide
                lineStart = i + 1;
            } else if (i - lineStart >= limits.maxLineLength()) {
                return framingLost(400, "line longer than " + limits.maxLineLength() + " bytes", out);
            }
            if (i - start >= headLimit) {
                return framingLost(513, "header section larger than " + headLimit + " bytes", out);
            }
        }
        scan = end;
        return false;
    }

    private boolean headersDone(int bodyStart, Consumer<ParseResult> out) {
        int headLen = bodyStart - start;
        long cl = contentLength(buf, start, bodyStart);
        if (cl == -2) { // framing is lost for this body: report, then hope the next message follows
            out.accept(parser.parse(buf, start, headLen, false));
            start = bodyStart;
            scan = lineStart = start;
            return true;
        }
        if (cl < 0) cl = 0; // §18.3: on a stream Content-Length is mandatory; absent reads as no body
        if (headLen + cl > limits.maxMessageSize()) {
            ParseResult partial = parser.parse(buf, start, headLen, false);
            Headers h = partial instanceof ParseResult.Failure f ? f.headers()
                : ((ParseResult.Ok) partial).message().headers();
            String method = partial instanceof ParseResult.Ok ok && ok.message() instanceof SipRequest r ? r.method()
                : partial instanceof ParseResult.Failure f ? f.method() : null;
            out.accept(new ParseResult.Failure(513, "message of " + (headLen + cl) + " bytes exceeds "
                + limits.maxMessageSize(), method, h));
            start = bodyStart;
            skip = cl;
            state = State.SKIP_BODY;
            return true;
        }
        frameLen = headLen + (int) cl;
        state = State.READ_BODY;
        return true;
    }

    private boolean readBody(Consumer<ParseResult> out) {
        if (end - start < frameLen) return false;
        ParseResult r = parser.parse(buf, start, frameLen, false);
        start += frameLen;
        scan = lineStart = start;
        state = State.READ_HEADERS;
        out.accept(r);
        return true;
    }

    private boolean skipBody() {
        int n = (int) Math.min(skip, end - start);
        start += n;
        skip -= n;
        if (skip == 0) {
            state = State.READ_HEADERS;
            scan = lineStart = start;
        }
        return n > 0;
    }

    /**
     * The head cannot be framed: reports {@code why} with the method and whole header lines read
     * so far (enough for an answer, RFC 3261 §8.2.6), drops the buffer and closes.
     */
    private boolean framingLost(int status, String why, Consumer<ParseResult> out) {
        ParseResult partial = parser.parse(buf, start, lineStart - start, false);
        ParseResult.Failure f = switch (partial) {
            case ParseResult.Ok ok -> new ParseResult.Failure(status, why,
                ok.message() instanceof SipRequest r ? r.method() : null, ok.message().headers());
            case ParseResult.Failure p -> new ParseResult.Failure(status, why, p.method(), p.headers());
        };
        start = end = scan = lineStart = 0;
        buf = new byte[0];
        state = State.CLOSED;
        out.accept(f);
        return false;
    }

    /** Content-Length (or "l") from raw header bytes: -1 when absent, -2 when malformed. */
    static long contentLength(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int ls = i;
            while (i < to && b[i] != '\n') i++;
            int le = i++;
            int colon = ls;
            while (colon < le && b[colon] != ':') colon++;
            int ne = colon;
            while (ne > ls && (b[ne - 1] == ' ' || b[ne - 1] == '\t')) ne--;
            if (colon == le || !isContentLength(b, ls, ne)) continue;
            int v = colon + 1;
            while (v < le && (b[v] == ' ' || b[v] == '\t')) v++;
            int ve = le;
            while (ve > v && (b[ve - 1] == '\r' || b[ve - 1] == ' ' || b[ve - 1] == '\t')) ve--;
            if (v == ve || ve - v > 9) return -2;
            long n = 0;
            for (int k = v; k < ve; k++) {
                if (b[k] < '0' || b[k] > '9') return -2;
                n = n * 10 + (b[k] - '0');
            }
            return n;
        }
        return -1;
    }

    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static boolean isContentLength(byte[] b, int from, int to) {
        if (to - from == 1) return (b[from] | 0x20) == 'l';
        if (to - from != CONTENT_LENGTH.length) return false;
        for (int k = 0; k < CONTENT_LENGTH.length; k++) if ((b[from + k] | 0x20) != CONTENT_LENGTH[k]) return false;
        return true;
    }

    private void append(byte[] bytes, int off, int len) {
        if (end + len > buf.length) {
            int live = end - start;
            if (live + len <= buf.length && start > 0) {
                System.arraycopy(buf, start, buf, 0, live);
            } else {
                byte[] nb = new byte[Math.max(buf.length * 2, live + len)];
                System.arraycopy(buf, start, nb, 0, live);
                buf = nb;
            }
            scan -= start;
            lineStart -= start;
            end = live;
            start = 0;
        }
        System.arraycopy(bytes, off, buf, end, len);
        end += len;
    }

    @Override public String toString() { return "SipStreamDecoder[" + state + ", " + buffered() + " bytes]"; }
}
