package org.switchboard.config;

/**
 * Removes comments from one file's lines, as Asterisk's config.c does: {@code ;} to the end of the
 * line, {@code \;} for a literal semicolon, and {@code ;-- ... --;} block comments, which nest and
 * may span lines ({@code ;---} does not open one). One instance per file: block state carries
 * from line to line.
 */
final class CommentStripper {
    private int commentDepth;
    private int commentOpenedAt;

    /** The line where the outermost block comment still open began, or 0 if none is open. */
    int unclosedSince() {
        return commentDepth > 0 ? commentOpenedAt : 0;
    }

    /**
     * The part of the line outside comments, or null if the whole line is inside a block comment.
     * A transcription of config_text_file_load's loop, on a NUL-terminated char array.
     */
    String strip(String line, int lineNo) {
        char[] b = new char[line.length() + 4];
        line.getChars(0, line.length(), b, 0);
        for (int i = 0; i < line.length(); i++) {
            if (b[i] == 0) {
                b[i] = ' ';
            }
        }
        int from = 0;
        int keep = commentDepth > 0 ? -1 : 0;
        int p;
        while ((p = indexOf(b, from, ';')) >= 0) {
            if (p > from && b[p - 1] == '\\') {
                System.arraycopy(b, p, b, p - 1, b.length - p);   // drop the backslash: "\;" is ';'
                from = p;
            } else if (b[p + 1] == '-' && b[p + 2] == '-' && b[p + 3] != '-') {
                b[p] = 0;                                           // ";--" opens a block comment
                from = p + 3;
                if (commentDepth++ == 0) {
                    commentOpenedAt = lineNo;
                }
            } else if (commentDepth > 0 && p >= from + 2 && b[p - 1] == '-' && b[p - 2] == '-') {
                from = p + 1;                                       // "--;" closes one
                if (--commentDepth == 0) {
                    if (keep >= 0) {
                        int end = keep + length(b, keep);
                        System.arraycopy(b, from, b, end, b.length - from);
                        from = end;
                    } else {
                        keep = from;
                    }
                }
            } else if (commentDepth == 0) {
                b[p] = 0;                                           // ';' comments out the rest
                from = p;
            } else {
                from = p + 1;
            }
        }
        return keep < 0 ? null : new String(b, keep, length(b, keep));
    }

    private static int indexOf(char[] b, int from, char c) {
        for (int i = from; b[i] != 0; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int length(char[] b, int from) {
        int i = from;
        while (b[i] != 0) {
            i++;
        }
        return i - from;
    }
}
