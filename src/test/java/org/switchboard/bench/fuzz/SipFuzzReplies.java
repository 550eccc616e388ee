package org.switchboard.bench.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks what the PBX sends back to a fuzzing peer, independently of our own parser: each message
 * is a status line or request line, header lines "Name: value" without control characters, CRLF
 * line ends, a blank line, and as many body bytes as its Content-Length says. A reply that breaks
 * this (an echoed NUL, a header forged by a CR the peer sent) is a violation.
 */
final class SipFuzzReplies {
    private static final Pattern START = Pattern.compile("SIP/2\\.0 [1-6]\\d\\d [^\\x00-\\x1f\\x7f]*|[A-Z]+ [^ \\x00-\\x1f]+ SIP/2\\.0");
    private static final Pattern HEADER = Pattern.compile("[!#-'*+\\-.0-9A-Z^-z|~%]+: [^\\x00-\\x08\\x0a-\\x1f\\x7f]*");

    private final List<String> violations;
    private final String where;
    private final ByteArrayOutputStream stream = new ByteArrayOutputStream();
    private int replies;

    SipFuzzReplies(List<String> violations, String where) {
        this.violations = violations;
        this.where = where;
    }

    int replies() { return replies; }

    /** One datagram: exactly one message. */
    void datagram(byte[] b, int len) {
        String text = new String(b, 0, len, StandardCharsets.ISO_8859_1);
        if (text.replace("\r", "").replace("\n", "").isEmpty()) return; // a keep-alive pong
        int used = message(text);
        if (used >= 0 && used != text.length()) violation("datagram of " + len + " bytes holds " + used + " of message", text);
    }

    /** Bytes read from a connection: whole messages are checked as they complete. */
    void stream(byte[] b, int len) {
        stream.write(b, 0, len);
        String text = stream.toString(StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            while (at < text.length() && (text.charAt(at) == '\r' || text.charAt(at) == '\n')) at++; // pongs
            int used = text.indexOf("\r\n\r\n", at) < 0 ? -2 : message(text.substring(at));
            if (used == -2 || used == -3) break; // incomplete
            if (used < 0) {
                at = text.length(); // framing lost: reported, drop it
                break;
            }
            at += used;
        }
        byte[] rest = text.substring(Math.min(at, text.length())).getBytes(StandardCharsets.ISO_8859_1);
        stream.reset();
        stream.writeBytes(rest);
    }

    /** Checks the message at the start of {@code text}; its length, -1 when bad, -3 when its body is still coming. */
    private int message(String text) {
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            violation("no blank line after the head", text);
            return -1;
        }
        String[] lines = text.substring(0, headEnd).split("\r\n", -1);
        if (!START.matcher(lines[0]).matches()) {
            violation("bad start line", lines[0]);
            return -1;
        }
        int contentLength = 0;
        for (int i = 1; i < lines.length; i++) {
            if (!HEADER.matcher(lines[i]).matches()) {
                violation("bad header line", lines[i]);
                return -1;
            }
            if (lines[i].regionMatches(true, 0, "Content-Length: ", 0, 16)) contentLength = Integer.parseInt(lines[i].substring(16).trim());
        }
        int total = headEnd + 4 + contentLength;
        if (total > text.length()) return -3;
        replies++;
        return total;
    }

    private void violation(String what, String text) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length() && i < 160; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) shown.append(c);
            else shown.append(String.format("\\x%02x", (int) c));
        }
        violations.add(where + ": " + what + ": " + shown + (text.length() > 160 ? "..." : ""));
    }
}
