package org.switchboard.channels.sip.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Text to a {@link SessionDescription} (RFC 4566 §5), by index arithmetic and with no I/O.
 * Accepts CRLF or bare LF line ends (§5 asks parsers to). Bad input gives {@link Malformed}.
 */
public final class SdpParser {
    private SdpParser() {}

    /** What parsing gave: a description, or why there is none. */
    public sealed interface Result permits Parsed, Malformed {}

    public record Parsed(SessionDescription sdp) implements Result {}

    public record Malformed(String reason) implements Result {}

    public static Result parse(byte[] body) { return parse(new String(body, StandardCharsets.UTF_8)); }

    public static Result parse(String text) {
        try {
            return new Parsed(parseOrThrow(text));
        } catch (IllegalArgumentException e) {
            return new Malformed(e.getMessage());
        }
    }

    private static SessionDescription parseOrThrow(String s) {
        int version = -1;
        Origin origin = null;
        String name = null;
        Connection conn = null;
        String timing = null;
        List<Attribute> attrs = new ArrayList<>();
        List<String> other = new ArrayList<>();
        List<MediaDescription> media = new ArrayList<>();
        // the media section being read
        String[] m = null;
        Connection mConn = null;
        List<Attribute> mAttrs = null;
        List<String> mOther = null;
        int n = s.length();
        int lineNo = 0;
        for (int ls = 0; ls < n; ) {
            int le = s.indexOf('\n', ls);
            if (le < 0) le = n;
            int te = le > ls && s.charAt(le - 1) == '\r' ? le - 1 : le;
            int next = le + 1;
            lineNo++;
            if (te == ls) { ls = next; continue; } // tolerate blank lines, e.g. a trailing one
            if (te - ls < 2 || s.charAt(ls + 1) != '=') throw new IllegalArgumentException("line " + lineNo + " is not type=value");
            char type = s.charAt(ls);
            String v = s.substring(ls + 2, te);
            if (lineNo == 1 && type != 'v') throw new IllegalArgumentException("SDP does not start with v=");
            switch (type) {
                case 'v' -> version = number(v, 0, v.length());
                case 'o' -> origin = origin(v);
                case 's' -> name = v;
                case 'c' -> {
                    if (m == null) conn = connection(v);
                    else mConn = connection(v);
                }
                case 't' -> { if (timing == null) timing = v; else other.add("t=" + v); }
                case 'a' -> {
                    int colon = v.indexOf(':');
                    Attribute a = colon < 0 ? Attribute.flag(v) : new Attribute(v.substring(0, colon), v.substring(colon + 1));
                    (m == null ? attrs : mAttrs).add(a);
                }
                case 'm' -> {
                    if (m != null) media.add(media(m, mConn, mAttrs, mOther));
                    m = fields(v);
                    if (m.length < 4) throw new IllegalArgumentException("m= line needs media, port, proto and a format");
                    mConn = null;
                    mAttrs = new ArrayList<>();
                    mOther = new ArrayList<>();
                }
                default -> {
                    if (type < 'a' || type > 'z') throw new IllegalArgumentException("bad line type '" + type + "'");
                    (m == null ? other : mOther).add(type + "=" + v);
                }
            }
            ls = next;
        }
        if (m != null) media.add(media(m, mConn, mAttrs, mOther));
        if (version != 0) throw new IllegalArgumentException("v= is not 0");
        if (origin == null) throw new IllegalArgumentException("missing o= line");
        return new SessionDescription(version, origin, name == null ? "-" : name, conn, timing, attrs, media, other);
    }

    private static MediaDescription media(String[] f, Connection c, List<Attribute> attrs, List<String> other) {
        String port = f[1];
        int slash = port.indexOf('/');
        int p = number(port, 0, slash < 0 ? port.length() : slash);
        int count = slash < 0 ? 1 : number(port, slash + 1, port.length());
        if (p < 0 || p > 65535 || count < 1) throw new IllegalArgumentException("bad media port " + port);
        List<String> formats = new ArrayList<>(f.length - 3);
        for (int i = 3; i < f.length; i++) formats.add(f[i]);
        return new MediaDescription(f[0], p, count, f[2], formats, c, attrs, other);
    }

    private static Origin origin(String v) {
        String[] f = fields(v);
        if (f.length != 6) throw new IllegalArgumentException("o= needs 6 fields");
        long version;
        try {
            version = Long.parseUnsignedLong(f[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad o= session version");
        }
        return new Origin(f[0], f[1], version, f[3], f[4], f[5]);
    }

    private static Connection connection(String v) {
        String[] f = fields(v);
        if (f.length != 3) throw new IllegalArgumentException("c= needs 3 fields");
        return new Connection(f[0], f[1], f[2]);
    }

    /** Splits at runs of spaces. */
    static String[] fields(String v) {
        List<String> out = new ArrayList<>(8);
        int n = v.length();
        for (int i = 0; i < n; ) {
            while (i < n && v.charAt(i) == ' ') i++;
            int s = i;
            while (i < n && v.charAt(i) != ' ') i++;
            if (i > s) out.add(v.substring(s, i));
        }
        return out.toArray(new String[0]);
    }

    /** A non-negative decimal below 10^9 in {@code s[from..to)}, or -1. */
    static int number(String s, int from, int to) {
        if (from >= to || to - from > 9) return -1;
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
