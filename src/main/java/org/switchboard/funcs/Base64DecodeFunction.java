package org.switchboard.funcs;

import java.io.ByteArrayOutputStream;
import org.switchboard.core.Channel;

/**
 * {@code BASE64_DECODE(string)} (func_base64.c, main/utils.c ast_base64decode): decoding stops
 * at the first '=', every other character gives 6 bits, and one outside the alphabet gives the
 * bits of '/' (Asterisk masks its -1 table entry with 0x3f). Leftover bits are dropped.
 */
public final class Base64DecodeFunction extends BaseFunction {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public Base64DecodeFunction() {
        super("BASE64_DECODE", "func_base64", "Decode a base64 string.", "BASE64_DECODE(string)", """
                Returns the text that string encodes in base64 (RFC 4648 section 4 alphabet).
                Decoding stops at the first '=' and bits left over at the end are dropped. As in
                Asterisk, a character outside the alphabet (a blank, a line break, '-' or '_' of
                the URL-safe alphabet) is read as '/', so such input decodes to something else;
                Switchboard also logs a warning for it, which Asterisk does not. The decoded
                bytes end at the first NUL byte and are read as UTF-8. Empty input is a warning
                and gives nothing.
                Example: ${BASE64_DECODE(SGVsbG8=)} returns Hello.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (FuncArgs.isEmpty(data)) {
            warn("Syntax: BASE64_DECODE(<data>) - missing argument!");
            return "";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length());
        int bits = 0;
        int acc = 0;
        int strange = -1;
        for (byte b : CBytes.of(data)) {
            if (b == '=') break;
            int v = b >= 0 ? ALPHABET.indexOf(b) : -1;
            if (v < 0) {
                if (strange < 0) strange = b & 0xFF;
                v = 63;
            }
            acc = (acc << 6 | v) & 0xFFFF;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write(acc >> bits);
            }
        }
        if (strange >= 0) {
            warn("BASE64_DECODE: '" + data + "' is not base64: character 0x" + Integer.toHexString(strange)
                    + " is outside the alphabet and was read as '/'");
        }
        return CBytes.text(out.toByteArray());
    }
}
