package org.switchboard.funcs;

import java.nio.charset.StandardCharsets;

/**
 * Dialplan text as the bytes Asterisk's C code works on: a value is UTF-8, and bytes that come
 * back (a decoded BASE64 or URI text, a file, a command's output) end at the first NUL, where a
 * C string ends. Bytes that are not UTF-8 become U+FFFD.
 */
final class CBytes {
    private CBytes() {}

    static byte[] of(String s) { return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8); }

    /** The text of {@code b[0..len)}, cut at the first NUL. */
    static String text(byte[] b, int len) {
        int end = 0;
        while (end < len && b[end] != 0) end++;
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    static String text(byte[] b) { return text(b, b.length); }

    /** Lower-case hex, two digits a byte, as {@code "%02x"}. */
    static String hex(byte[] b) {
        StringBuilder out = new StringBuilder(b.length * 2);
        for (byte x : b) out.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        return out.toString();
    }
}
