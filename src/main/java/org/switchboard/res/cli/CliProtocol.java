package org.switchboard.res.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The control socket's line protocol, UTF-8, one LF-terminated line per message (a CR before the
 * LF is dropped). No I/O here: {@link Decoder} turns received bytes into {@link Request}s, and
 * {@link #line} builds what the server sends.
 *
 * <pre>
 * client → server                        server → client (first character is the tag)
 *   core show channels    a CLI command    H &lt;proto&gt; &lt;pid&gt; &lt;host&gt; &lt;version&gt;   once, on connect
 *   :complete core sh     candidates       O &lt;text&gt;   a line of command output
 *   :log on / :log off    log lines        C &lt;word&gt;   a completion candidate
 *   :quit                 server closes    E &lt;text&gt;   the request was refused (malformed, too long)
 *                                          D &lt;status&gt; end of the answer to one request
 *                                          L &lt;text&gt;   a log line, any time after :log on
 * </pre>
 *
 * Every request gets exactly one {@code D} line: {@code ok}, {@code usage}, {@code unknown}
 * (no such command), {@code failed} or {@code error} (after an {@code E}). Log lines may arrive
 * between the lines of an answer; a client tells them apart by the tag.
 */
public final class CliProtocol {
    public static final int VERSION = 1;
    /** The longest request line accepted, in bytes; a longer one is refused and skipped. */
    public static final int MAX_REQUEST = 64 * 1024;

    public static final char HELLO = 'H';
    public static final char OUTPUT = 'O';
    public static final char CANDIDATE = 'C';
    public static final char ERROR = 'E';
    public static final char DONE = 'D';
    public static final char LOG = 'L';

    private CliProtocol() {}

    /** One server line without its LF: the tag, a space, the text (which must not contain LF). */
    public static String line(char tag, String text) { return tag + " " + text; }

    /** The tag of a received server line, or 0 for a line that has none. */
    public static char tag(String line) { return line.length() >= 2 && line.charAt(1) == ' ' ? line.charAt(0) : 0; }

    /** The text of a received server line. */
    public static String text(String line) { return line.length() >= 2 ? line.substring(2) : ""; }

    /** The {@code D} status for a dispatcher outcome. */
    public static String status(CliDispatcher.Outcome o) {
        return switch (o) {
            case OK, EMPTY -> "ok";
            case USAGE -> "usage";
            case NO_SUCH_COMMAND -> "unknown";
            case FAILED -> "failed";
        };
    }

    /** What a client asked for. */
    public enum Kind { COMMAND, COMPLETE, LOG_ON, LOG_OFF, QUIT, MALFORMED }

    /** One request; for {@link Kind#MALFORMED} the text says what was wrong. */
    public record Request(Kind kind, String text) {}

    /** Parses one request line (without its LF) that was valid UTF-8. */
    public static Request parse(String line) {
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch < 0x20 && ch != '\t' || ch == 0x7f) {
                return new Request(Kind.MALFORMED, "malformed request: control character 0x" + Integer.toHexString(ch) + " at column " + (i + 1));
            }
        }
        if (!line.startsWith(":")) return new Request(Kind.COMMAND, line);
        int sp = line.indexOf(' ');
        String verb = sp < 0 ? line.substring(1) : line.substring(1, sp);
        String rest = sp < 0 ? "" : line.substring(sp + 1);
        return switch (verb) {
            case "complete" -> new Request(Kind.COMPLETE, rest);
            case "log" -> switch (rest.trim()) {
                case "on" -> new Request(Kind.LOG_ON, "");
                case "off" -> new Request(Kind.LOG_OFF, "");
                default -> new Request(Kind.MALFORMED, "malformed request: ':log' takes 'on' or 'off'");
            };
            case "quit" -> new Request(Kind.QUIT, "");
            default -> new Request(Kind.MALFORMED, "unknown request ':" + abbreviate(verb) + "'");
        };
    }

    private static String abbreviate(String s) { return s.length() <= 40 ? s : s.substring(0, 40) + "..."; }

    /**
     * Cuts received bytes into request lines. A line longer than {@link #MAX_REQUEST} bytes is
     * skipped up to its LF and reported once as {@link Kind#MALFORMED}; so is a line that is not
     * UTF-8. The decoder keeps at most {@code MAX_REQUEST} bytes however much is sent.
     */
    public static final class Decoder {
        private enum State { READ_LINE, SKIP_TOO_LONG }

        private final int limit;
        private byte[] buf = new byte[256];
        private int len;
        private State state = State.READ_LINE;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

        public Decoder() { this(MAX_REQUEST); }

        public Decoder(int limit) { this.limit = limit; }

        /** Feeds received bytes; returns the requests completed by them, in order. */
        public List<Request> feed(byte[] data, int off, int n) {
            List<Request> out = new ArrayList<>(1);
            for (int i = off; i < off + n; i++) {
                byte b = data[i];
                if (state == State.SKIP_TOO_LONG) {
                    if (b == '\n') state = State.READ_LINE;
                    continue;
                }
                if (b == '\n') {
                    out.add(decode());
                    len = 0;
                } else if (len == limit) {
                    len = 0;
                    state = State.SKIP_TOO_LONG;
                    out.add(new Request(Kind.MALFORMED, "request too long (limit " + limit + " bytes)"));
                } else {
                    if (len == buf.length) buf = Arrays.copyOf(buf, Math.min(limit, buf.length * 2));
                    buf[len++] = b;
                }
            }
            if (state == State.READ_LINE && len == 0 && buf.length > 4096) buf = new byte[256];
            return out;
        }

        private Request decode() {
            int n = len > 0 && buf[len - 1] == '\r' ? len - 1 : len;
            CharBuffer chars;
            try {
                chars = utf8.reset().decode(ByteBuffer.wrap(buf, 0, n));
            } catch (CharacterCodingException e) {
                return new Request(Kind.MALFORMED, "malformed request: not UTF-8");
            }
            return parse(chars.toString());
        }
    }
}
