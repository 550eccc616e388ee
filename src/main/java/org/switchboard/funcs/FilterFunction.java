package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/**
 * {@code FILTER(allowed-chars,string)} (func_strings.c): keeps only the characters of the string
 * that the allowed set lists. The set takes ranges ({@code a-z}) and Asterisk's encoded
 * characters ({@code \x41}, {@code \0101}, {@code \t}, {@code \n}, {@code \r}, {@code \-}), read by
 * {@link #decodeChar}, which FIELDQTY, REPLACE, SHIFT and the other delimiter-taking functions
 * share, as func_strings.c shares {@code ast_get_encoded_char}.
 */
public final class FilterFunction extends BaseFunction {
    public FilterFunction() {
        super("FILTER", "func_strings", "Keeps only the allowed characters of a string.",
                "FILTER(allowed-chars,string)",
                """
                Returns string with every character removed that allowed-chars does not list.
                allowed-chars lists characters one by one or as ranges written with '-' (a-z, 0-9);
                a range whose end comes before its start wraps around through the top of the
                character table, with a warning. Characters may be written encoded: \\xHH in
                hexadecimal (\\x20), \\0NNN in octal (\\040), \\t, \\n and \\r; a backslash before
                any other character takes it literally, so a literal '-' is written \\-.
                The arguments are split raw: quotes and backslashes stay for the decoder. An
                allowed set starting with a double quote draws a warning, as the quote is most
                likely not meant to be allowed.
                Example: ${FILTER(0-9,${CALLERID(num)})} keeps the digits of the caller's number.""");
    }

    /** What {@link #decodeChar} returns for {@code \x} not followed by a hex digit. */
    static final int BAD_HEX = -2;

    @Override
    public String read(Channel channel, String data) {
        String[] args = FuncArgs.separate(data, ',', false, 2);
        String allowed = args[0];
        String string = args[1];
        if (string == null) {
            error("Usage: FILTER(<allowed-chars>,<string>)");
            return null;
        }
        if (allowed.startsWith("\"")) {
            warn("FILTER allowed characters includes the quote (\") character.  This may not be what you want.");
        }
        boolean[] bits = new boolean[256];
        StringBuilder wide = null;   // allowed characters beyond the 8-bit table, listed one by one
        int[] consumed = new int[1];
        int i = 0;
        while (i < allowed.length()) {
            int c1 = decodeChar(allowed, i, consumed);
            if (c1 == BAD_HEX) return null;
            if (c1 < 0) break;   // a lone backslash at the very end
            i += consumed[0];
            if (i < allowed.length() && allowed.charAt(i) == '-') {
                int c2 = decodeChar(allowed, i + 1, consumed);
                if (c2 < 0) c2 = c1;
                i += consumed[0] + 1;
                if (c1 > 0xFF || c2 > 0xFF) {
                    // ranges are 8-bit in Asterisk; beyond that, allow the plain span
                    if (wide == null) wide = new StringBuilder();
                    for (int c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) wide.append((char) c);
                    continue;
                }
                if (c2 < c1) {
                    warn("Range wrapping in FILTER(" + allowed + "," + string + ").  This may not be what you want.");
                }
                for (int ac = c1; ac != c2; ac = (ac + 1) & 0xFF) bits[ac] = true;
                bits[c2] = true;
            } else if (c1 > 0xFF) {
                if (wide == null) wide = new StringBuilder();
                wide.append((char) c1);
            } else {
                bits[c1] = true;
            }
        }
        bits[0] = false;   // the C string ends there: NUL is never kept
        StringBuilder out = new StringBuilder(string.length());
        for (int k = 0; k < string.length(); k++) {
            char c = string.charAt(k);
            if (c < 256 ? bits[c] : wide != null && wide.indexOf(String.valueOf(c)) >= 0) out.append(c);
        }
        return out.toString();
    }

    /**
     * {@code ast_get_encoded_char}: the character written at {@code at}, with {@code consumed[0]}
     * set to how many characters it took. {@code \n \r \t}, {@code \xH} or {@code \xHH},
     * {@code \0} followed by any number of octal digits (kept to 8 bits), or a backslash making
     * the next character literal.
     *
     * @return the character; -1 at the end of the text or at a lone trailing backslash;
     *         {@link #BAD_HEX} after {@code \x} without a hex digit (which logs Asterisk's error)
     */
    static int decodeChar(String s, int at, int[] consumed) {
        consumed[0] = 0;
        if (at >= s.length()) return -1;
        char c = s.charAt(at);
        if (c != '\\') {
            consumed[0] = 1;
            return c;
        }
        if (at + 1 >= s.length()) {   // a lone trailing backslash: nothing follows to escape
            consumed[0] = 1;
            return -1;
        }
        consumed[0] = 2;
        char e = s.charAt(at + 1);
        switch (e) {
            case 'n' -> { return '\n'; }
            case 'r' -> { return '\r'; }
            case 't' -> { return '\t'; }
            case 'x' -> {
                int h1 = at + 2 < s.length() ? hex(s.charAt(at + 2)) : -1;
                if (h1 < 0) {
                    String bad = at + 2 < s.length() ? String.valueOf(s.charAt(at + 2)) : "";
                    PbxLog.error("app.c", "Illegal character '" + bad + "' in hexadecimal string");
                    return BAD_HEX;
                }
                consumed[0] = 3;
                int h2 = at + 3 < s.length() ? hex(s.charAt(at + 3)) : -1;
                if (h2 < 0) return h1;
                consumed[0] = 4;
                return (h1 << 4) | h2;
            }
            case '0' -> {
                int v = 0;
                int k = at + 2;
                while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '7') {
                    v = ((v << 3) + (s.charAt(k) - '0')) & 0xFF;
                    k++;
                }
                consumed[0] = k - at;
                return v;
            }
            default -> { return e; }
        }
    }

    /** {@code ast_get_encoded_str}: decodes characters until the end or the first undecodable one. */
    static String decodeString(String s) {
        if (s == null) return "";
        if (s.indexOf('\\') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int[] consumed = new int[1];
        int i = 0;
        while (i < s.length()) {
            int c = decodeChar(s, i, consumed);
            if (c < 0) break;
            out.append((char) c);
            i += consumed[0];
        }
        return out.toString();
    }

    /** The first encoded character of {@code s}, or {@code fallback} when there is none. */
    static char firstChar(String s, char fallback) {
        if (s == null) return fallback;
        int c = decodeChar(s, 0, new int[1]);
        return c < 0 ? fallback : (char) c;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    }
}
