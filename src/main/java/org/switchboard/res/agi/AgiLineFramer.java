package org.switchboard.res.agi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts the bytes an AGI program sends into command lines: each ends at a line feed (a carriage
 * return before it is dropped), bytes are UTF-8. A line longer than the limit is refused: the
 * framer stops, as the program is not speaking AGI (Asterisk reads into a 2 KB buffer; a longer
 * line there is cut into pieces that each fail as commands). No I/O.
 */
public final class AgiLineFramer {
    private final int maxLineBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    private boolean overlong;

    public AgiLineFramer(int maxLineBytes) { this.maxLineBytes = maxLineBytes; }

    /**
     * Feeds bytes; every complete line goes to {@code lines}.
     *
     * @return false once a line went over the limit (nothing more is taken)
     */
    public boolean feed(byte[] buf, int off, int len, Consumer<String> lines) {
        if (overlong) return false;
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (buf[i] != '\n') continue;
            if (line.size() + (i - start) > maxLineBytes) return tooLong();
            line.write(buf, start, i - start);
            lines.accept(take());
            start = i + 1;
        }
        if (line.size() + (end - start) > maxLineBytes) return tooLong();
        line.write(buf, start, end - start);
        return true;
    }

    /** Bytes of an unfinished line (what the program sent after its last line feed). */
    public int pending() { return line.size(); }

    private boolean tooLong() {
        overlong = true;
        line.reset();
        return false;
    }

    private String take() {
        byte[] b = line.toByteArray();
        line.reset();
        int n = b.length;
        if (n > 0 && b[n - 1] == '\r') n--;
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }
}
