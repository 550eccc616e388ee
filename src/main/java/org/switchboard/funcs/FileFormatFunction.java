package org.switchboard.funcs;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.switchboard.core.Channel;

/** {@code FILE_FORMAT(filename)} (func_env.c file_format): the line break format of a text file. */
public final class FileFormatFunction extends BaseFunction {
    public FileFormatFunction() {
        super("FILE_FORMAT", "func_env", "Return the newline format of a text file.", "FILE_FORMAT(filename)", """
                Returns the kind of line break the file uses, decided by its first one:
                u - Unix "\\n"; d - DOS "\\r\\n"; m - Macintosh "\\r"; x - cannot be determined
                (the file has no line break, or cannot be opened, which is also an error).""");
    }

    @Override
    public String read(Channel channel, String data) {
        String name = FuncArgs.orEmpty(data);
        TextFileFormat f = formatOf(this, name, FileFunction.path(name));
        return f == null ? "x" : String.valueOf(f.letter);
    }

    /** file2format: the format of the file's first line break; null when none, after an error when it cannot be opened. */
    static TextFileFormat formatOf(BaseFunction caller, String name, Path path) {
        if (path == null) {
            caller.error("Cannot open '" + name + "': No such file or directory");
            return null;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return TextFileFormat.detect(in);
        } catch (IOException e) {
            caller.error("Cannot open '" + name + "': " + Errno.text(e));
            return null;
        }
    }
}
