package org.switchboard.funcs;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.switchboard.core.Channel;

/** {@code FILE_COUNT_LINE(filename[,format])} (func_env.c file_count_line): how many lines a text file has. */
public final class FileCountLineFunction extends BaseFunction {
    public FileCountLineFunction() {
        super("FILE_COUNT_LINE", "func_env", "Obtains the number of lines of a text file.",
                "FILE_COUNT_LINE(filename[,format])", """
                Returns the number of line breaks in the file, so a last line without one is not
                counted, or -1 when the file cannot be opened (also logged as an error).
                format: u Unix "\\n", d DOS "\\r\\n", m Macintosh "\\r"; without it, the file's
                first line break decides, and a file with none has 0 lines.
                (Asterisk 20 never returns for d on a DOS file; Switchboard counts them.)""");
    }

    @Override
    public String read(Channel channel, String data) {
        String[] a = FuncArgs.standard(data, 2);
        String name = FuncArgs.orEmpty(a[0]);
        Path path = FileFunction.path(name);
        if (path == null) {
            error("Unable to open '" + name + "': No such file or directory");
            return "-1";
        }
        try {
            TextFileFormat format = TextFileFormat.named(a[1]);
            if (format == null) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
                    format = TextFileFormat.detect(in);
                }
            }
            if (format == null) return "0";
            try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
                return Long.toString(format.count(in));
            }
        } catch (IOException e) {
            error("Unable to open '" + name + "': " + Errno.text(e));
            return "-1";
        }
    }
}
