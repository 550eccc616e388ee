package org.switchboard.funcs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import org.switchboard.core.Channel;

/** {@code STAT(flag,filename)} (func_env.c stat_read): facts about a file, as stat(2) gives them. */
public final class StatFunction extends BaseFunction {
    public StatFunction() {
        super("STAT", "func_env", "Does a check on the specified file.", "STAT(flag,filename)", """
                Returns a fact about filename (symbolic links are followed):
                d - 1 when it is a directory, else 0;
                e - 1 when it exists;
                f - 1 when it is a regular file, else 0;
                m - the file mode in octal, file type included (100644 for a plain file);
                s - the size in bytes;
                A - when it was last accessed, M - last modified, C - its inode last changed,
                    as seconds since the epoch.
                A file that does not exist (or cannot be looked at) gives 0 for every flag,
                without a warning: ${STAT(e,/tmp/x)} is the way to test for a file. An unknown
                flag gives 0. The filename is everything after the first comma.""");
    }

    @Override
    public String read(Channel channel, String data) {
        String d = FuncArgs.orEmpty(data);
        int comma = d.indexOf(',');
        if (comma < 0) return "0";
        char flag = comma == 0 ? '\0' : d.charAt(0);
        Path path = FileFunction.path(d.substring(comma + 1));
        if (path == null) return "0";
        try {
            BasicFileAttributes attr = Files.readAttributes(path, BasicFileAttributes.class);
            return switch (flag) {
                case 'e' -> "1";
                case 's' -> Long.toString(attr.size() & 0xFFFFFFFFL);
                case 'f' -> attr.isRegularFile() ? "1" : "0";
                case 'd' -> attr.isDirectory() ? "1" : "0";
                case 'M' -> seconds(attr.lastModifiedTime());
                case 'A' -> seconds(attr.lastAccessTime());
                case 'C' -> seconds(unix(path, "ctime", attr.lastModifiedTime()));
                case 'm' -> Integer.toOctalString(unix(path, "mode", 0));
                default -> "0";
            };
        } catch (IOException | SecurityException e) {
            return "0";
        }
    }

    /** As {@code (int) st_mtime}. */
    private static String seconds(FileTime t) { return Integer.toString((int) t.to(java.util.concurrent.TimeUnit.SECONDS)); }

    /** A "unix:" attribute where the file system has them, else the fallback. */
    @SuppressWarnings("unchecked")
    private static <T> T unix(Path path, String name, T fallback) {
        try {
            Object v = Files.getAttribute(path, "unix:" + name);
            return v == null ? fallback : (T) v;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return fallback;
        }
    }
}
