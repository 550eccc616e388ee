package org.switchboard.channels.sip.message;

/** Character classes and scanning helpers of RFC 3261 §25.1, by index over a String. */
final class Text {
    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) TOKEN[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) TOKEN[c] = true;
        for (char c = '0'; c <= '9'; c++) TOKEN[c] = true;
        for (char c : "-.!%*_+`'~".toCharArray()) TOKEN[c] = true; // RFC 3261 §25.1 token
    }

    private Text() {}

    static boolean isToken(char c) { return c < 128 && TOKEN[c]; }

    static boolean isWs(char c) { return c == ' ' || c == '\t'; }

    static boolean isToken(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (!isToken(s.charAt(i))) return false;
        return true;
    }

    static int skipWs(String s, int i, int to) {
        while (i < to && isWs(s.charAt(i))) i++;
        return i;
    }

    static int trimEnd(String s, int from, int to) {
        while (to > from && isWs(s.charAt(to - 1))) to--;
        return to;
    }

    /** Index just past the closing quote of the quoted-string starting at {@code i}; §25.1 quoted-pair. */
    static int endOfQuoted(String s, int i, int to) {
        for (int j = i + 1; j < to; j++) {
            char c = s.charAt(j);
            if (c == '\\') j++;
            else if (c == '"') return j + 1;
        }
        throw new IllegalArgumentException("unterminated quoted string");
    }

    /** Like {@link #endOfQuoted} but an unterminated string runs to {@code to}. */
    static int endOfQuotedOrEnd(String s, int i, int to) {
        for (int j = i + 1; j < to; j++) {
            char c = s.charAt(j);
            if (c == '\\') j++;
            else if (c == '"') return j + 1;
        }
        return to;
    }

    /** Removes the quotes and quoted-pair escapes of a quoted-string; other text is returned as is. */
    static String unquote(String v) {
        if (v == null || v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') return v;
        StringBuilder sb = null;
        for (int i = 1; i < v.length() - 1; i++) {
            if (v.charAt(i) == '\\') {
                if (sb == null) sb = new StringBuilder(v.substring(1, i));
                i++;
                if (i < v.length() - 1) sb.append(v.charAt(i));
            } else if (sb != null) {
                sb.append(v.charAt(i));
            }
        }
        return sb == null ? v.substring(1, v.length() - 1) : sb.toString();
    }

    static String quote(String v) {
        StringBuilder sb = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\r' || c == '\n') c = ' '; // not even a quoted-pair may hold CR or LF (§25.1)
            if (c == '"' || c == '\\') sb.append('\\');
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** Parses a non-negative decimal number of at most {@code maxDigits}; -1 if not one. */
    static long parseDigits(String s, int from, int to, int maxDigits) {
        if (from >= to || to - from > maxDigits) return -1;
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * Splits a comma-separated header value at top-level commas (outside quotes and angle brackets),
     * RFC 3261 §7.3.1; trimmed pieces are passed to {@code sink}. Empty elements are dropped.
     */
    static void splitCommas(String v, java.util.function.Consumer<String> sink) {
        int start = 0;
        boolean angle = false;
        int n = v.length();
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c == '"') {
                i = endOfQuotedOrEnd(v, i, n) - 1;
            } else if (c == '<') {
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if (c == ',' && !angle) {
                emit(v, start, i, sink);
                start = i + 1;
            }
        }
        emit(v, start, n, sink);
    }

    private static void emit(String v, int from, int to, java.util.function.Consumer<String> sink) {
        from = skipWs(v, from, to);
        to = trimEnd(v, from, to);
        if (to > from) sink.accept(from == 0 && to == v.length() ? v : v.substring(from, to));
    }
}
