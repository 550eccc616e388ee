package org.switchboard.funcs;

import java.io.ByteArrayOutputStream;
import org.switchboard.core.Channel;

/**
 * {@code URIDECODE(data)} (func_uri.c, main/utils.c ast_uri_decode with ast_uri_http): a '%'
 * with two more characters after it is read with {@code sscanf("%2x")}; when that finds a
 * number the '%' and both characters become that byte, otherwise the '%' stays as it is.
 * '+' is not a space.
 */
public final class UriDecodeFunction extends BaseFunction {
    public UriDecodeFunction() {
        super("URIDECODE", "func_uri", "Decodes a URI-encoded string according to RFC 2396.",
                "URIDECODE(data)", """
                Returns data with each %XX (two hexadecimal digits) replaced by the byte it
                names; the bytes are read as UTF-8, so %C3%A9 is é. A '%' that is not followed
                by a hexadecimal number stays as it is, and '+' stays a '+'. As in Asterisk, the
                two characters after '%' are read like sscanf("%2x"): %4g gives the byte 4 and
                drops the g, and %00 ends the text. Only the first 4095 bytes of data are
                decoded, as in Asterisk. Empty data gives nothing.
                Example: ${URIDECODE(a%20b%26c)} returns a b&c.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (FuncArgs.isEmpty(data)) return "";
        byte[] all = CBytes.of(data);
        // ast_copy_string into the VAR_BUF_SIZE buffer first: 4095 bytes at most are decoded
        byte[] in = all.length > UriEncodeFunction.MAX_RESULT ? java.util.Arrays.copyOf(all, UriEncodeFunction.MAX_RESULT) : all;
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            int v = in[i] == '%' && i + 2 < in.length ? scanHex2(in, i + 1) : -1;
            if (v >= 0) {
                out.write(v);
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return CBytes.text(out.toByteArray());
    }

    /**
     * {@code sscanf(s, "%2x")}: blanks skipped, an optional sign, then hexadecimal digits, at
     * most two characters counting the sign. The byte it stores, or -1 when no digit was read.
     */
    private static int scanHex2(byte[] s, int at) {
        int i = at;
        while (i < s.length && FuncArgs.isSpace((char) s[i])) i++;
        int width = 2;
        boolean negative = false;
        if (i < s.length && (s[i] == '+' || s[i] == '-')) {
            negative = s[i] == '-';
            i++;
            width--;
        }
        int value = 0;
        int digits = 0;
        while (digits < width && i < s.length && Character.digit((char) s[i], 16) >= 0 && s[i] > 0) {
            value = value * 16 + Character.digit((char) s[i], 16);
            i++;
            digits++;
        }
        if (digits == 0) return -1;
        return (negative ? -value : value) & 0xFF;
    }
}
