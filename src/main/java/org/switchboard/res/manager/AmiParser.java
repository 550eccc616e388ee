package org.switchboard.res.manager;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the bytes a client sends into {@link AmiMessage}s; no I/O, no timers. Lines end with CRLF
 * or LF; a blank line ends a message (blank lines between messages are ignored). Header lines are
 * {@code Key: Value} (Asterisk skips blanks after the colon). Limits keep a hostile client from
 * making us buffer: a line longer than {@code maxLine} bytes is discarded as it arrives, headers
 * beyond {@code maxHeaders} or beyond {@code maxMessage} bytes in all are dropped, and a message
 * with such a line, too many headers or bytes, or a line without a colon is delivered with its
 * problem set, so that the client gets {@code Response: Error}. So one message held for the session
 * costs at most {@code maxMessage} bytes whatever a client sends.
 */
public final class AmiParser {
    /** Asterisk reads lines into a 1025-byte buffer; we allow longer ones (chat text travels in headers). */
    public static final int DEFAULT_MAX_LINE = 8192;
    /** Asterisk's AST_MAX_MANAGER_HEADERS is 128. */
    public static final int DEFAULT_MAX_HEADERS = 128;
    /** Asterisk's limits come to 128 headers of 1 KB; ours allow a long chat line among a full set of short ones. */
    public static final int DEFAULT_MAX_MESSAGE = 128 * 1024;

    private final int maxLine;
    private final int maxHeaders;
    private final int maxMessage;
    private final Consumer<AmiMessage> sink;

    private AmiParserState state = AmiParserState.READ_LINE;
    private byte[] line = new byte[256];
    private int len;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private String problem;
    private int messageBytes;

    public AmiParser(int maxLine, int maxHeaders, int maxMessage, Consumer<AmiMessage> sink) {
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders;
        this.maxMessage = maxMessage;
        this.sink = sink;
    }

    public AmiParser(int maxLine, int maxHeaders, Consumer<AmiMessage> sink) { this(maxLine, maxHeaders, DEFAULT_MAX_MESSAGE, sink); }

    public AmiParser(Consumer<AmiMessage> sink) { this(DEFAULT_MAX_LINE, DEFAULT_MAX_HEADERS, sink); }

    public void feed(byte[] bytes) { feed(bytes, 0, bytes.length); }

    public void feed(byte[] bytes, int off, int n) {
        for (int i = off; i < off + n; i++) feed(bytes[i]);
    }

    /** One byte from the client. */
    public void feed(byte b) {
        if (b == '\n') {
            endOfLine();
            return;
        }
        if (state == AmiParserState.DISCARD_LINE) return;
        if (len >= maxLine) {
            state = AmiParserState.DISCARD_LINE;
            fail("line too long");
            len = 0;
            return;
        }
        if (len == line.length) line = java.util.Arrays.copyOf(line, Math.min(maxLine, line.length * 2));
        line[len++] = b;
    }

    /** True when part of a message has been read (bytes of a line or headers). */
    public boolean inMessage() { return len > 0 || !headers.isEmpty() || problem != null || state != AmiParserState.READ_LINE; }

    private void endOfLine() {
        if (state == AmiParserState.DISCARD_LINE) {
            state = AmiParserState.READ_LINE;
            return;
        }
        int n = len;
        if (n > 0 && line[n - 1] == '\r') n--;
        len = 0;
        if (n == 0) {
            if (!headers.isEmpty() || problem != null) {
                AmiMessage m = new AmiMessage(headers, problem);
                headers.clear();
                problem = null;
                messageBytes = 0;
                sink.accept(m);
            }
            return;
        }
        if (n > maxMessage - messageBytes) {
            messageBytes = maxMessage;
            fail("message too long (more than " + maxMessage + " bytes)");
            return;
        }
        messageBytes += n;
        String text = new String(line, 0, n, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        if (colon <= 0) {
            fail("malformed line '" + abbreviate(text) + "'");
            return;
        }
        if (headers.size() >= maxHeaders) {
            fail("too many headers (more than " + maxHeaders + ")");
            return;
        }
        int v = colon + 1;
        while (v < text.length() && (text.charAt(v) == ' ' || text.charAt(v) == '\t')) v++;
        headers.add(Map.entry(text.substring(0, colon).trim(), text.substring(v)));
    }

    private void fail(String why) {
        if (problem == null) problem = why;
    }

    private static String abbreviate(String s) { return s.length() <= 40 ? s : s.substring(0, 40) + "..."; }
}
