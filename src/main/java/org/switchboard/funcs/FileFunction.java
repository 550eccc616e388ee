package org.switchboard.funcs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.switchboard.core.Channel;

/**
 * {@code FILE(filename[,offset[,length[,options[,format]]]])} (func_env.c file_read/file_write):
 * reads or rewrites part of a text file, counted in bytes or (option l) in lines. Which part is
 * {@link FileSpan}'s arithmetic; this class does the file I/O and logs what Asterisk logs.
 */
public final class FileFunction extends BaseFunction {
    /** What one read returns at most; a bigger request is cut, with a warning (Asterisk has no limit). */
    static final int MAX_READ = 8 << 20;
    /** The largest file line mode and in-place rewriting load (Asterisk streams; we splice in memory). */
    static final long MAX_EDIT = 64L << 20;

    public FileFunction() {
        super("FILE", "func_env", "Read or write text file.", "FILE(filename[,offset[,length[,options[,format]]]])", """
                Reads or writes a text file, in bytes or, with option l, in lines.
                offset: where to start; negative counts back from the end. length: how much; a
                negative length stops that many bytes (lines) before the end; left out, to the
                end. In line mode, offset 0 is the first line and -1 the last: FILE(f,0,1,l) is
                the first line with its line break, FILE(f,-3,,l) the last three lines.
                options: l line mode; a (writing) append to the file; d (writing, line mode) do
                not add a line break after the value, so writing "" deletes lines.
                format (line mode, only with all five arguments): u Unix "\\n", d DOS "\\r\\n",
                m Mac "\\r"; otherwise the file's first line break decides, and a file without
                one is not a line-based file (a warning, nothing read or written).
                Writing: Set(FILE(f)=text) replaces the whole file (creating it), FILE(f,,,a)
                appends, FILE(f,20,10)=text replaces 10 bytes at byte 20 (FILE(f,4,0)=x inserts),
                FILE(f,20)=text replaces everything from byte 20; in line mode the value gets the
                file's line break, so FILE(f,,,al)=text adds a line and FILE(f,1,1,ld)= deletes the
                second line. Partial writes need the file to exist. A file that cannot be opened
                is a warning and reads as nothing. Paths are used as written (relative ones from
                the directory Switchboard runs in). Text is read and written as UTF-8.
                Switchboard reads at most 8 MiB in one call and edits files of up to 64 MiB in
                line mode or in place. Where Asterisk 20's code differs from its documentation
                (a positive offset with a negative byte length, lines of DOS files), the
                documented meaning is followed.""");
    }

    @Override
    public String read(Channel channel, String data) {
        FileArgs a = FileArgs.parse(data);
        Path path = path(a.filename());
        if (path == null) {
            warn("Cannot open file '" + a.filename() + "' for reading: No such file or directory");
            return "";
        }
        return a.lineMode() ? readLines(a, path) : readBytes(a, path);
    }

    private String readBytes(FileArgs a, Path path) {
        try (SeekableByteChannel ch = Files.newByteChannel(path)) {
            FileSpan span = FileSpan.bytesToRead(a, ch.size());
            long want = span.end() - span.start();
            if (want > MAX_READ) {
                warn("FILE: reading only the first " + MAX_READ + " of the " + want + " bytes asked for from '" + a.filename() + "'");
                want = MAX_READ;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) want);
            ch.position(span.start());
            while (buf.hasRemaining() && ch.read(buf) > 0) { }
            return CBytes.text(buf.array(), buf.position());
        } catch (IOException e) {
            warn("Cannot open file '" + a.filename() + "' for reading: " + Errno.text(e));
            return "";
        }
    }

    private String readLines(FileArgs a, Path path) {
        TextFileFormat format = a.format() != null ? a.format() : FileFormatFunction.formatOf(this, a.filename(), path);
        if (format == null) {
            warn("'" + a.filename() + "' is not a line-based file");
            return "";
        }
        byte[] bytes = load(a.filename(), path, "Cannot open '");
        if (bytes == null) return "";
        FileSpan span = FileSpan.lines(a, format.lineStarts(bytes), bytes.length, false);
        if (!span.ok()) {
            if (!span.refusal().isEmpty()) error(span.refusal());
            return "";
        }
        int end = (int) Math.min(span.end(), span.start() + MAX_READ);
        if (end < span.end()) warn("FILE: reading only the first " + MAX_READ + " bytes of the lines asked for from '" + a.filename() + "'");
        return CBytes.text(java.util.Arrays.copyOfRange(bytes, (int) span.start(), end));
    }

    @Override public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String data, String value) {
        FileArgs a = FileArgs.parse(data);
        byte[] v = CBytes.of(value);
        Path path = path(a.filename());
        if (path == null) {
            warn("Cannot open file '" + a.filename() + "' for writing: No such file or directory");
            return;
        }
        if (a.lineMode()) writeLines(a, path, v);
        else writeBytes(a, path, v);
    }

    private void writeBytes(FileArgs a, Path path, byte[] v) {
        if (a.append()) {
            put(a.filename(), path, v, "appending", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } else if (a.wholeFile()) {
            put(a.filename(), path, v, "writing", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            byte[] old = load(a.filename(), path, "Cannot open file '", "' for modification: ");
            if (old == null) return;
            FileSpan span = FileSpan.bytesToReplace(a, old.length, a.filename());
            if (!span.ok()) {
                error(span.refusal());
                return;
            }
            replace(a.filename(), path, old, span, v);
        }
    }

    private void writeLines(FileArgs a, Path path, byte[] v) {
        TextFileFormat format = a.format() != null ? a.format() : FileFormatFunction.formatOf(this, a.filename(), path);
        if (format == null) {
            error("File '" + a.filename() + "' not in line format");
            return;
        }
        byte[] line = a.noTerminator() ? v : concat(v, CBytes.of(format.terminator));
        if (a.append()) {
            put(a.filename(), path, line, "appending", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } else if (a.wholeFile()) {
            put(a.filename(), path, line, "writing", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            byte[] old = load(a.filename(), path, "Cannot open '", "' for modification: ");
            if (old == null) return;
            FileSpan span = FileSpan.lines(a, format.lineStarts(old), old.length, true);
            if (!span.ok()) {
                error(span.refusal());
                return;
            }
            replace(a.filename(), path, old, span, line);
        }
    }

    /** The file with {@code [start, end)} replaced by v; a start past the end leaves NUL bytes between. */
    private void replace(String name, Path path, byte[] old, FileSpan span, byte[] v) {
        long start = span.start();
        if (start > MAX_EDIT) {
            error("FILE: offset " + start + " of '" + name + "' is beyond the " + MAX_EDIT + " bytes Switchboard edits");
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(old.length + v.length);
        out.write(old, 0, (int) Math.min(start, old.length));
        for (long i = old.length; i < start; i++) out.write(0);
        out.writeBytes(v);
        if (span.end() < old.length) out.write(old, (int) span.end(), old.length - (int) span.end());
        put(name, path, out.toByteArray(), "modification", StandardOpenOption.TRUNCATE_EXISTING);
    }

    private void put(String name, Path path, byte[] bytes, String purpose, StandardOpenOption... options) {
        try {
            Files.write(path, bytes, withWrite(options));
        } catch (IOException e) {
            warn("Cannot open file '" + name + "' for " + purpose + ": " + Errno.text(e));
        }
    }

    private static StandardOpenOption[] withWrite(StandardOpenOption[] options) {
        StandardOpenOption[] out = java.util.Arrays.copyOf(options, options.length + 1);
        out[options.length] = StandardOpenOption.WRITE;
        return out;
    }

    /** The whole file for editing, or null after Asterisk's message (prefix + name + middle + strerror). */
    private byte[] load(String name, Path path, String prefix, String middle) {
        try {
            long size = Files.size(path);
            if (size > MAX_EDIT) {
                error("FILE: '" + name + "' has " + size + " bytes; Switchboard edits and reads lines of files up to " + MAX_EDIT);
                return null;
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            String text = prefix + name + middle + Errno.text(e);
            if (prefix.startsWith("Cannot open file")) warn(text);
            else error(text);
            return null;
        }
    }

    private byte[] load(String name, Path path, String prefix) { return load(name, path, prefix, "': "); }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The path as written, or null when it cannot name a file (an empty name, a NUL). */
    static Path path(String name) {
        if (name == null || name.isEmpty()) return null;
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
