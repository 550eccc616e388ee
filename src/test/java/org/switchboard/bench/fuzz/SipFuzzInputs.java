package org.switchboard.bench.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded hostile SIP for {@link SipFuzz}: well-formed messages of every kind the PBX handles
 * (OPTIONS, INVITE with SDP, REGISTER, BYE, ACK, CANCEL, INFO, MESSAGE, responses) put through one
 * to four mutations: control characters (NUL, bare CR, ESC, DEL) in names, values and the start
 * line, flipped and random bytes, cut and doubled lines, broken Content-Length, Via, CSeq, From,
 * URIs, folding, invalid UTF-8, over-long lines and heads, hundreds of headers; and now and then
 * plain random bytes. Same seed, same inputs.
 */
final class SipFuzzInputs {
    private static final String[] CONTROLS = {"\0", "\r", "\n", "\t", "\u001b", "\u007f", "\u0001", "\r\r", "\n\n", "\0\0"};
    private static final String[] CONTENT_LENGTHS = {"-1", "99999999", "4294967296", "abc", "", "0", "10", " 5 ", "1e3", "0x10"};
    private static final String[] BAD_VIAS = {"SIP/2.0/UDP", "SIP/2.0/UDP ;branch=", "SIP/2.0/XYZ h", "SIP/3.0/UDP h:5060",
        "SIP/2.0/UDP [::1:5060;branch=z9hG4bK1", "SIP/2.0/UDP h:99999;branch=z9hG4bK1", ";;;", "SIP/2.0/TCP h;rport=x;received",
        "SIP/2.0/UDP h;branch=z9hG4bK1, ,", "SIP/2.0/UDP " + "h".repeat(300)};
    private static final String[] BAD_VALUES = {"<sip:>", "\"unterminated <sip:a@b>", "<sip:a@b;tag=>", "sip:a@b;tag=1;tag=2",
        "99999999999999999999 INVITE", "1 ", "-1 OPTIONS", "<tel:+1-555>", "<sips:a@[::1]:0>", "*", "<sip:a@b>;expires=-5",
        "Digest username=\"a\", realm=\"b\", nonce=, uri=\"sip:x\", response=\"\"", "\"\\", "<sip:%zz@b>", ""};
    private static final String[] METHODS = {"OPTIONS", "INVITE", "REGISTER", "BYE", "ACK", "CANCEL", "INFO", "MESSAGE",
        "SUBSCRIBE", "PRACK", "FOO", "INV ITE", "", "invite"};

    private final Random rnd;
    private final int pbxPort;
    private int serial;

    SipFuzzInputs(long seed, int pbxPort) {
        this.rnd = new Random(seed);
        this.pbxPort = pbxPort;
    }

    Random random() { return rnd; }

    /** The next hostile message for a peer at {@code transport} ("UDP", "TCP") port {@code from}. */
    byte[] next(String transport, int from) {
        if (rnd.nextInt(20) == 0) return randomBytes(1 + rnd.nextInt(rnd.nextBoolean() ? 64 : 1500));
        String m = template(transport, from);
        int edits = 1 + rnd.nextInt(4);
        for (int i = 0; i < edits; i++) m = mutate(m);
        return m.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A well-formed message of a random kind; each has its own Call-ID and branch. */
    String template(String transport, int from) {
        int n = ++serial;
        String via = "Via: SIP/2.0/" + transport + " 127.0.0.1:" + from + ";branch=z9hG4bKfz" + n + ";rport\r\n";
        String common = "Max-Forwards: 70\r\nFrom: \"Fuzz\" <sip:fuzz@127.0.0.1>;tag=f" + n + "\r\n";
        String to = "To: <sip:100@127.0.0.1>" + (rnd.nextInt(4) == 0 ? ";tag=t" + n : "") + "\r\n";
        String callId = "Call-ID: fuzz-" + n + "@127.0.0.1\r\n";
        String target = "sip:" + (rnd.nextBoolean() ? "100" : "fuzz") + "@127.0.0.1:" + pbxPort;
        return switch (rnd.nextInt(10)) {
            case 0, 1 -> request("OPTIONS", target, via, common, to, callId, "", "");
            case 2, 3 -> {
                String sdp = "v=0\r\no=- " + n + " 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio " + (20000 + rnd.nextInt(40000)) + " RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n";
                yield request("INVITE", target, via, common, to, callId, "Contact: <sip:fuzz@127.0.0.1:" + from + ">\r\n"
                    + "Content-Type: application/sdp\r\n", sdp);
            }
            case 4 -> request("REGISTER", "sip:127.0.0.1:" + pbxPort, via, common, "To: <sip:fuzz@127.0.0.1>\r\n", callId,
                "Contact: <sip:fuzz@127.0.0.1:" + from + ">;expires=60\r\n" + (rnd.nextBoolean() ? ""
                    : "Authorization: Digest username=\"fuzz\", realm=\"asterisk\", nonce=\"n" + n + "\", uri=\"sip:127.0.0.1\", "
                    + "response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5\r\n"), "");
            case 5 -> request(pick(new String[] {"BYE", "ACK", "CANCEL", "INFO"}), target, via, common,
                "To: <sip:100@127.0.0.1>;tag=t" + n + "\r\n", callId, "Content-Type: application/dtmf-relay\r\n",
                "Signal=5\r\nDuration=160\r\n");
            case 6 -> request("MESSAGE", target, via, common, to, callId, "Content-Type: text/plain\r\n", "hello " + n);
            case 7 -> "SIP/2.0 " + pick(new String[] {"200 OK", "401 Unauthorized", "180 Ringing", "486 Busy Here"}) + "\r\n"
                + via + common + to + callId + "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
            default -> request(pick(METHODS), target, via, common, to, callId, "Subject: fuzz\r\n", "");
        };
    }

    private static String request(String method, String uri, String via, String common, String to, String callId,
                                  String extra, String body) {
        return method + " " + uri + " SIP/2.0\r\n" + via + common + to + callId + "CSeq: 1 " + method + "\r\n" + extra
            + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** One mutation of {@code m}. */
    String mutate(String m) {
        List<String> lines = new ArrayList<>(List.of(m.split("\r\n", -1)));
        int headEnd = Math.max(1, lines.indexOf(""));
        int line = rnd.nextInt(headEnd);
        String l = lines.get(line);
        switch (rnd.nextInt(16)) {
            case 0 -> { return insertAt(m, rnd.nextInt(m.length() + 1), pick(CONTROLS)); }
            case 1 -> { // a control character in a header name (Via\0:) or just before its colon
                int colon = l.indexOf(':');
                if (colon > 0) lines.set(line, insertAt(l, rnd.nextInt(colon + 1), pick(CONTROLS)));
            }
            case 2 -> { // flip bytes
                char[] c = m.toCharArray();
                for (int k = 0; k < 1 + rnd.nextInt(8) && c.length > 0; k++) c[rnd.nextInt(c.length)] = (char) rnd.nextInt(256);
                return new String(c);
            }
            case 3 -> { return m.substring(0, rnd.nextInt(m.length() + 1)); } // cut short
            case 4 -> lines.add(line, l); // a line twice (two Call-IDs, two Content-Lengths)
            case 5 -> { if (line > 0) lines.remove(line); } // a line missing (no Via, no CSeq)
            case 6 -> { return replaceValue(m, "Content-Length: ", pick(CONTENT_LENGTHS)); }
            case 7 -> { return replaceValue(m, "Via: ", pick(BAD_VIAS)); }
            case 8 -> { // a broken value in a structured header
                String header = pick(new String[] {"From: ", "To: ", "CSeq: ", "Contact: ", "Max-Forwards: ", "Call-ID: ", "Expires: "});
                return replaceValue(m, header, pick(BAD_VALUES));
            }
            case 9 -> lines.set(0, pick(new String[] {"INVITE sip:a@b SIP/1.0", "SIP/2.0 99 Weird", "OPTIONS  sip:x SIP/2.0",
                "OPTIONS sip:x SIP/2.0 ", "OPTIONS <sip:x> SIP/2.0", "OPTIONS sip:x?Subject=a SIP/2.0", "GARBAGE",
                "OPTIONS http://x SIP/2.0", "OPTIONS sip:" + "x".repeat(9000) + " SIP/2.0", ""}));
            case 10 -> lines.add(1 + rnd.nextInt(headEnd), "X-Long: " + "L".repeat(rnd.nextInt(8) == 0 ? 60_000 + rnd.nextInt(10_000)
                : 1000 + rnd.nextInt(9000))); // past the line limit (8 KiB), now and then past the head limit
            case 11 -> { // hundreds of headers
                int many = 50 + rnd.nextInt(300);
                for (int k = 0; k < many; k++) lines.add(1, "X-H" + k + ": " + k);
            }
            case 12 -> lines.add(1 + rnd.nextInt(headEnd), pick(new String[] {" folded before any header", "\tX: y",
                "NoColonHere", ": empty name", "Bad Name: v", "X-UTF8: \u00c3\u0028\u00ff\u00fe", "Subject: a\\\0b",
                "X-Quote: \"a\\\"b", "l: 99999", "v: SIP/2.0/UDP h;branch=z9hG4bKc", "i:"}));
            case 13 -> { return rnd.nextBoolean() ? m.replace("\r\n", "\n") : m.replace("\r\n", "\r"); } // other line ends
            case 14 -> { if (line > 0) lines.set(line, l + "\r\n " + pick(BAD_VALUES)); } // §7.3.1 folding, oddly
            default -> { return m + m.substring(0, rnd.nextInt(m.length() + 1)); } // trailing junk / a second message cut
        }
        return String.join("\r\n", lines);
    }

    /** A head that never ends: bigger than {@code limit} bytes, no blank line. */
    byte[] endlessHead(String transport, int from, int limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(limit + 2048);
        String t = template(transport, from);
        out.writeBytes(t.substring(0, t.indexOf("\r\n\r\n") + 2).getBytes(StandardCharsets.ISO_8859_1));
        while (out.size() <= limit) out.writeBytes(("X-Filler: " + "f".repeat(500) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    /** {@code m} with the value of its first {@code header} line replaced by {@code value}, taken literally. */
    private static String replaceValue(String m, String header, String value) {
        return m.replaceFirst(java.util.regex.Pattern.quote(header) + "[^\r]*",
            java.util.regex.Matcher.quoteReplacement(header + value));
    }

    private String insertAt(String s, int at, String what) { return s.substring(0, at) + what + s.substring(at); }

    private <T> T pick(T[] options) { return options[rnd.nextInt(options.length)]; }
}
