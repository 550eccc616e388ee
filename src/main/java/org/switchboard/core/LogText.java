package org.switchboard.core;

/**
 * Makes text a stranger sent safe to print: control characters (NUL, ESC, a bare CR, DEL, C1)
 * become visible escapes, so a client cannot forge a log line or drive an admin's terminal.
 */
public final class LogText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogText() {}

    /** Every control character escaped, line breaks included: for one-line log messages. */
    public static String oneLine(String s) { return escape(s, false); }

    /**
     * Line feeds kept (a CRLF becomes a line feed, a lone CR is escaped), every other control
     * character escaped: for multi-line dumps such as {@code sip set debug}.
     */
    public static String lines(String s) { return escape(s, true); }

    private static String escape(String s, boolean keepLf) {
        if (s == null) return "null";
        int n = s.length();
        int i = 0;
        while (i < n && !needsEscape(s, i, keepLf)) i++;
        if (i == n) return s;
        StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (keepLf && c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') continue; // CRLF -> LF
            if (!needsEscape(s, i, keepLf)) {
                b.append(c);
                continue;
            }
            switch (c) {
                case '\r' -> b.append("\\r");
                case '\n' -> b.append("\\n");
                case '\0' -> b.append("\\0");
                case 0x1b -> b.append("\\e");
                default -> {
                    b.append("\\x");
                    if (c > 0xff) b.append(HEX[(c >> 12) & 15]).append(HEX[(c >> 8) & 15]);
                    b.append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
                }
            }
        }
        return b.toString();
    }

    private static boolean needsEscape(String s, int i, boolean keepLf) {
        char c = s.charAt(i);
        if (c == '\t') return false;
        if (c == '\n') return !keepLf;
        if (c == '\r') return true; // escaped, or dropped before a line feed
        // C0, DEL, C1 controls; U+2028/2029 break lines in some terminals and log viewers
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
