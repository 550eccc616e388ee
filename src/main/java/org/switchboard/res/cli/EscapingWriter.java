package org.switchboard.res.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import org.switchboard.core.LogText;

/**
 * What a console command prints, with every control character but line feed and tab escaped
 * ({@link LogText#lines}): a channel name, a variable or a buddy's name that a stranger chose
 * cannot forge a line or send a terminal escape to the admin's console.
 */
final class EscapingWriter extends FilterWriter {
    EscapingWriter(Writer out) { super(out); }

    @Override
    public void write(int c) throws IOException {
        out.write(LogText.lines(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        out.write(LogText.lines(new String(buf, off, len)));
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        out.write(LogText.lines(s.substring(off, off + len)));
    }
}
