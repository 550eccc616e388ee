package org.switchboard.funcs;

/**
 * Which bytes of a file FILE() reads or replaces, from its offset and length (func_env.c
 * file_read/file_write); pure arithmetic, no I/O. A span is {@code [start, end)}; a refusal
 * carries the message Asterisk logs, or none when Asterisk gives up silently.
 *
 * <p>Line mode counts line breaks: offset N starts after the N-th break (0 is the first line),
 * -N starts N breaks before the end, so -1 is the last line; a positive length takes that many
 * lines, a negative one stops that many lines before the end. Byte mode is the same in bytes.
 */
record FileSpan(long start, long end, String refusal) {
    static FileSpan of(long start, long end) { return new FileSpan(start, Math.max(start, end), null); }

    static FileSpan refused(String why) { return new FileSpan(0, 0, why); }

    boolean ok() { return refusal == null && start >= 0; }

    /**
     * Bytes to read. A negative offset past the start of the file reads nothing (the seek fails
     * and the position stays at the end); a negative length ends that many bytes before the end.
     */
    static FileSpan bytesToRead(FileArgs a, long size) {
        long start = a.offset();
        if (start < 0) start = size + start >= 0 ? size + start : size;
        long end;
        if (a.length() == null) {
            end = size;
        } else if (a.length() < 0) {
            // the docs' meaning ("trims length bytes from the end"); Asterisk 20 adds the offset
            // to this end position again when the offset is positive
            end = size + a.length() >= 0 ? size + a.length() : a.offset() < 0 ? start : size;
        } else {
            end = Math.min(size, start > Long.MAX_VALUE - a.length() ? Long.MAX_VALUE : start + a.length());
        }
        return of(Math.min(start, size), Math.min(end, size));
    }

    /** Bytes to replace; the start may lie past the end (the gap is filled with NUL bytes, as a seek past the end does). */
    static FileSpan bytesToReplace(FileArgs a, long size, String filename) {
        long start = a.offset();
        if (start < 0) {
            if (size + start < 0) return refused("Cannot seek to offset of '" + filename + "': Invalid argument");
            start = size + start;
        }
        if (a.length() == null) return of(start, Math.max(start, size));
        long length = a.length();
        if (length < 0) {
            length = size - start + length;
            if (length < 0) return refused("Length '" + a.lengthText() + "' exceeds the file length.  No data will be written.");
        }
        return of(start, start > Long.MAX_VALUE - length ? Long.MAX_VALUE : start + length);
    }

    /**
     * Lines to read, or to replace when {@code writing}. {@code starts} holds the offset after
     * each line break ({@link TextFileFormat#lineStarts}).
     */
    static FileSpan lines(FileArgs a, long[] starts, long size, boolean writing) {
        long offset = a.offset();
        Long length = a.length();
        if (offset < 0 && length != null && (writing ? length < offset : length <= offset)) {
            // reading gives up silently; writing says why
            return refused(writing ? "Length cannot specify a position prior to the offset" : "");
        }
        int k = starts.length;
        long start;
        if (offset == 0) {
            start = 0;
        } else if (offset > 0 ? offset <= k : -offset <= k) {
            start = after(starts, (int) (offset > 0 ? offset : k + offset));
        } else {
            return refused("Offset '" + a.offsetText() + "' refers to before the beginning of the file!");
        }
        long end;
        if (length == null) {
            end = size;
        } else if (length == 0) {
            end = start;
        } else if (length > 0) {
            end = size;
            int first = firstBreakAfter(starts, start);
            if (first + length - 1 < k) end = starts[(int) (first + length - 1)];
        } else {
            end = k + length >= 0 ? after(starts, (int) (k + length)) : 0;
            if (end < start && writing) return refused("Length cannot specify a position prior to the offset");
        }
        return of(start, end);
    }

    /** Where the line after the n-th line break starts; 0 for n = 0. */
    private static long after(long[] starts, int n) { return n == 0 ? 0 : starts[n - 1]; }

    /** The index of the first line break that ends after {@code pos}. */
    private static int firstBreakAfter(long[] starts, long pos) {
        int i = 0;
        while (i < starts.length && starts[i] <= pos) i++;
        return i;
    }
}
