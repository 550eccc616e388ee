package org.switchboard.funcs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.switchboard.core.Channel;

/** {@code MD5(data)} (func_md5.c): the MD5 digest of data, 32 lower-case hex digits. */
public final class Md5Function extends BaseFunction {
    public Md5Function() {
        super("MD5", "func_md5", "Computes an MD5 digest.", "MD5(data)", """
                Returns the MD5 digest of data (its UTF-8 bytes) as 32 lower-case hexadecimal digits.
                Empty data is a warning and gives nothing.
                Example: ${MD5(hello)} returns 5d41402abc4b2a76b9719d911017c592.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (FuncArgs.isEmpty(data)) {
            warn("Syntax: MD5(<data>) - missing argument!");
            return "";
        }
        return digest("MD5", data);
    }

    /** The hex digest of the text's UTF-8 bytes; both algorithms are in every Java runtime. */
    static String digest(String algorithm, String data) {
        try {
            return CBytes.hex(MessageDigest.getInstance(algorithm).digest(CBytes.of(data)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java runtime", e);
        }
    }
}
