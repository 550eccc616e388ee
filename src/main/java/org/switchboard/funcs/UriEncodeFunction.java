package org.switchboard.funcs;

import org.switchboard.core.Channel;

/**
 * {@code URIENCODE(data)} (func_uri.c, main/utils.c ast_uri_encode with ast_uri_http): letters,
 * digits and the RFC 2396 section 2.3 marks {@code -_.!~*'()} stay, every other byte becomes
 * {@code %XX} in upper-case hex.
 */
public final class UriEncodeFunction extends BaseFunction {
    private static final String MARKS = "-_.!~*'()";
    /** The result lands in a VAR_BUF_SIZE (4096) buffer, NUL included; an escape is never split. */
    static final int MAX_RESULT = 4095;

    public UriEncodeFunction() {
        super("URIENCODE", "func_uri", "Encodes a string to URI-safe encoding according to RFC 2396.",
                "URIENCODE(data)", """
                Returns data with every byte except the RFC 2396 unreserved characters (letters,
                digits and - _ . ! ~ * ' ( )) written as %XX, two upper-case hexadecimal digits of
                the byte; text beyond ASCII is encoded byte by byte of its UTF-8 form. A space
                becomes %20. As in Asterisk, the result stops before it would pass 4095
                characters. Empty data gives nothing.
                Example: ${URIENCODE(a b&c)} returns a%20b%26c.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (FuncArgs.isEmpty(data)) return "";
        StringBuilder out = new StringBuilder(data.length() + 16);
        for (byte b : CBytes.of(data)) {
            char c = (char) (b & 0xFF);
            boolean plain = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || MARKS.indexOf(c) >= 0;
            if (out.length() + (plain ? 1 : 3) > MAX_RESULT) break;   // the rest does not fit Asterisk's buffer
            if (plain) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
