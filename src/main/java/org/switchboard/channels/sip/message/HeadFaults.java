package org.switchboard.channels.sip.message;

import java.io.ByteArrayOutputStream;

/**
 * Bytes that RFC 3261 §25 does not allow in a start line or header section: a control character
 * (§25.1: header names are tokens, values TEXT-UTF8 and LWS; a control character may appear only
 * escaped, as a quoted-pair) and a CR that is not followed by LF (§7: lines end in CRLF). Says in
 * words where the first one is, and gives a lenient copy of the head without the faulty lines, so
 * that the 400 refusing the message can still echo its Call-ID and CSeq (§8.2.6.2). No I/O.
 */
final class HeadFaults {
    private HeadFaults() {}

    /** Whether byte {@code i} of {@code b[start..end)} is a fault; {@code b[i]} is below 0x20 or 0x7f. */
    static boolean isFault(byte[] b, int start, int end, int i) {
        int c = b[i] & 0xff;
        if (c == '\t' || c == '\n') return false;
        if (c == '\r') return i + 1 < end && b[i + 1] != '\n'; // a CR ending the input may be cut from its LF
        return i == start || b[i - 1] != '\\'; // a quoted-pair may escape it (§25.1, RFC 4475 §3.1.1.2)
    }

    /** What the fault at {@code at} is and where: "NUL in header name 'Via'", "bare CR in header 'To'". */
    static String describe(byte[] b, int start, int at) {
        int c = b[at] & 0xff;
        String what = c == 0 ? "NUL" : c == '\r' ? "bare CR" : String.format("control character 0x%02x", c);
        int ls = at;
        while (ls > start && b[ls - 1] != '\n') ls--;
        if (ls == start) return what + " in the start line";
        while (ls > start && (b[ls] == ' ' || b[ls] == '\t')) { // a folded line (§7.3.1): its header began above
            ls--;
            while (ls > start && b[ls - 1] != '\n') ls--;
        }
        int colon = ls;
        while (colon < at && b[colon] != ':') colon++;
        if (colon == at) {
            String name = printable(b, ls, at);
            return what + (name.isEmpty() ? " in a header name" : " in header name '" + name + "'"); // Via\0: is no Via
        }
        return what + " in header '" + printable(b, ls, colon).strip() + "'";
    }

    /**
     * The head {@code b[start..end)} with every header line that holds a fault left out (with the
     * folded lines that continue it) and bare CRs taken as line ends; a fault in the start line
     * becomes '_' so its method can still be read. Lines end in CRLF in the copy.
     */
    static byte[] withoutFaultyLines(byte[] b, int start, int end) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        boolean first = true;
        boolean dropping = false;
        int ls = start;
        while (ls < end) {
            int le = ls;
            while (le < end && b[le] != '\n' && b[le] != '\r') le++;
            boolean folded = le > ls && (b[ls] == ' ' || b[ls] == '\t');
            boolean faulty = false;
            for (int i = ls; i < le && !faulty; i++) faulty = isControl(b[i]) && isFault(b, ls, le, i);
            if (first) {
                for (int i = ls; i < le; i++) out.write(isControl(b[i]) ? '_' : b[i]);
                out.write('\r');
                out.write('\n');
                first = false;
            } else if (le > ls && !(faulty || (folded && dropping))) {
                out.write(b, ls, le - ls);
                out.write('\r');
                out.write('\n');
                dropping = false;
            } else if (le > ls) {
                dropping = true;
            }
            ls = le < end && b[le] == '\r' && le + 1 < end && b[le + 1] == '\n' ? le + 2 : le + 1;
        }
        return out.toByteArray();
    }

    /** A control character other than HTAB: below 0x20, or DEL (§25.1 CTL). */
    private static boolean isControl(byte c) { return ((c & 0xff) < 0x20 && c != '\t') || c == 0x7f; }

    /** Up to 32 characters of {@code b[from..to)}, control and non-ASCII bytes left out, for a reason phrase. */
    private static String printable(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder(Math.min(32, Math.max(0, to - from)));
        for (int i = from; i < to && sb.length() < 32; i++) {
            int c = b[i] & 0xff;
            if (c >= 0x20 && c < 0x7f) sb.append((char) c);
        }
        return sb.toString();
    }
}
