package org.switchboard.res.festival;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a Festival server sends back, read from the bytes after the command (no I/O): a series of
 * three-byte acknowledgements — {@code WV\n} then a waveform, {@code LP\n} then an s-expression,
 * {@code ER\n} for an error, {@code OK\n} at the end — where each file ends with the key
 * {@code ft_StUfF_key}, and an {@code X} after a look-alike of the key is stuffing (festival's
 * socket protocol, as app_festival reads it).
 *
 * @param waveform the first waveform, or null
 * @param error    what went wrong (ER, garbage, no waveform), or null
 * @param lisp     the s-expressions the server returned (logged by the caller)
 */
public record FestivalReply(byte[] waveform, String error, java.util.List<String> lisp) {
    private static final byte[] KEY = "ft_StUfF_key".getBytes(StandardCharsets.US_ASCII);

    public static FestivalReply parse(byte[] in) {
        java.util.List<String> lisp = new java.util.ArrayList<>();
        int[] pos = {0};
        while (pos[0] + 3 <= in.length) {
            String ack = new String(in, pos[0], 3, StandardCharsets.US_ASCII);
            pos[0] += 3;
            switch (ack) {
                case "WV\n" -> {
                    return new FestivalReply(unstuff(in, pos), null, lisp);
                }
                case "LP\n" -> lisp.add(new String(unstuff(in, pos), StandardCharsets.ISO_8859_1));
                case "ER\n" -> {
                    return new FestivalReply(null, "Festival returned ER", lisp);
                }
                case "OK\n" -> {
                    return new FestivalReply(null, "Festival returned no waveform", lisp);
                }
                default -> {
                    return new FestivalReply(null, "Festival sent something that is not its protocol: '"
                            + new String(in, pos[0] - 3, Math.min(40, in.length - pos[0] + 3), StandardCharsets.ISO_8859_1)
                            + "'", lisp);
                }
            }
        }
        return new FestivalReply(null, in.length == 0 ? "Festival closed the connection without an answer"
                : "Festival's answer ended before a waveform", lisp);
    }

    /** The file from pos up to the key, unstuffed; pos moves past the key (or to the end). */
    private static byte[] unstuff(byte[] in, int[] pos) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int k = 0;
        int i = pos[0];
        for (; i < in.length && k < KEY.length; i++) {
            byte c = in[i];
            if (c == KEY[k]) {
                k++;
            } else if (c == 'X' && k == KEY.length - 1) {
                out.write(KEY, 0, k); // it looked like the key but was not: the X is stuffing
                k = 0;
            } else {
                out.write(KEY, 0, k);
                k = 0;
                if (c == KEY[0]) k = 1;
                else out.write(c);
            }
        }
        pos[0] = i;
        return out.toByteArray();
    }
}
