package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code SHA1(data)} (func_sha1.c): the SHA-1 digest of data, 40 lower-case hex digits. */
public final class Sha1Function extends BaseFunction {
    public Sha1Function() {
        super("SHA1", "func_sha1", "Computes a SHA1 digest.", "SHA1(data)", """
                Returns the SHA-1 digest of data (its UTF-8 bytes) as 40 lower-case hexadecimal
                digits. Empty data is a warning and gives nothing.
                Example: ${SHA1(junky)} returns 60fa5675b9303eb62f99a9cd47f9f5837d18f9a0.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (FuncArgs.isEmpty(data)) {
            warn("Syntax: SHA1(<data>) - missing argument!");
            return "";
        }
        return Md5Function.digest("SHA-1", data);
    }
}
