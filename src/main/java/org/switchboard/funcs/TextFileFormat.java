package org.switchboard.funcs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The line endings FILE, FILE_COUNT_LINE and FILE_FORMAT know (func_env.c enum file_format):
 * Unix "\n", DOS "\r\n", Macintosh "\r". A file's format is decided by its first line break, as
 * file2format does: a '\n' first is Unix, a '\r' followed by '\n' is DOS, any other '\r' is Mac.
 */
enum TextFileFormat {
    UNIX("\n", 'u'), DOS("\r\n", 'd'), MAC("\r", 'm');

    final String terminator;
    final char letter;

    TextFileFormat(String terminator, char letter) {
        this.terminator = terminator;
        this.letter = letter;
    }

    /** The format a u, d or m (any case) at the start of arg names; null for anything else. */
    static TextFileFormat named(String arg) {
        if (arg == null || arg.isEmpty()) return null;
        return switch (Character.toLowerCase(arg.charAt(0))) {
            case 'u' -> UNIX;
            case 'd' -> DOS;
            case 'm' -> MAC;
            default -> null;
        };
    }

    /** The format of the first line break in the stream; null when there is none. */
    static TextFileFormat detect(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') return UNIX;
            if (b == '\r') return in.read() == '\n' ? DOS : MAC;
        }
        return null;
    }

    static TextFileFormat detect(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') return UNIX;
            if (data[i] == '\r') return i + 1 < data.length && data[i + 1] == '\n' ? DOS : MAC;
        }
        return null;
    }

    /** How many line breaks of this format the stream holds (a DOS break is the pair "\r\n"). */
    long count(InputStream in) throws IOException {
        long n = 0;
        int prev = -1;
        int b;
        while ((b = in.read()) >= 0) {
            switch (this) {
                case UNIX -> { if (b == '\n') n++; }
                case MAC -> { if (b == '\r') n++; }
                case DOS -> { if (b == '\n' && prev == '\r') n++; }
            }
            prev = b;
        }
        return n;
    }

    /** The offset just after each line break, in order: where each line after the first starts. */
    long[] lineStarts(byte[] data) {
        long[] out = new long[16];
        int n = 0;
        for (int i = 0; i < data.length; i++) {
            boolean end = switch (this) {
                case UNIX -> data[i] == '\n';
                case MAC -> data[i] == '\r';
                case DOS -> data[i] == '\n' && i > 0 && data[i - 1] == '\r';
            };
            if (end) {
                if (n == out.length) out = Arrays.copyOf(out, n * 2);
                out[n++] = i + 1;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
