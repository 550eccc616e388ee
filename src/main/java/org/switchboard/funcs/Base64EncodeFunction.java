package org.switchboard.funcs;

import java.util.Base64;
import org.switchboard.core.Channel;

/** {@code BASE64_ENCODE(string)} (func_base64.c): string in base64, padded, on one line. */
public final class Base64EncodeFunction extends BaseFunction {
    public Base64EncodeFunction() {
        super("BASE64_ENCODE", "func_base64", "Encode a string in base64.", "BASE64_ENCODE(string)", """
                Returns the base64 encoding of string (its UTF-8 bytes), with the alphabet of
                RFC 4648 section 4 (A-Z a-z 0-9 + /), '=' padding and no line breaks. Empty
                input is a warning and gives nothing.
                Example: ${BASE64_ENCODE(Hello)} returns SGVsbG8=.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (FuncArgs.isEmpty(data)) {
            warn("Syntax: BASE64_ENCODE(<data>) - missing argument!");
            return "";
        }
        return Base64.getEncoder().encodeToString(CBytes.of(data));
    }
}
