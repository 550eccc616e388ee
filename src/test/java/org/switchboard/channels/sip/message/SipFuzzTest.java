package org.switchboard.channels.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Limits, garbage and a mutation fuzz loop: the parser returns a value, never throws. */
class SipFuzzTest {
    private final SipParser parser = new SipParser();

    @Test void limits() {
        byte[] huge = new byte[70_000];
        assertThat(((ParseResult.Failure) parser.parse(huge)).status()).isEqualTo(513);
        StringBuilder many = new StringBuilder(new String(SipWriter.write(SipMessages.request("OPTIONS", null))));
        many.setLength(many.length() - 2);
        for (int i = 0; i < 101; i++) many.append("X-H").append(i).append(": v\r\n");
        many.append("\r\n");
        ParseResult.Failure f = (ParseResult.Failure) parser.parse(many.toString().getBytes());
        assertThat(f.reason()).contains("more than 100 header");
        assertThat(f.isRequest()).isTrue();
        String longLine = "OPTIONS sip:a@b SIP/2.0\r\nSubject: " + "s".repeat(9000) + "\r\n\r\n";
        assertThat(((ParseResult.Failure) parser.parse(longLine.getBytes())).reason()).contains("longer than");
    }

    @Test void binaryGarbageAndTruncation() {
        Random rnd = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] g = new byte[rnd.nextInt(600)];
            rnd.nextBytes(g);
            assertThat(parser.parse(g).isOk()).isFalse();
        }
        byte[] full = SipWriter.write(SipMessages.request("INVITE", SipMessages.SDP));
        for (int n = 0; n < full.length; n++) {
            ParseResult r = parser.parse(full, 0, n, true);
            if (r.isOk()) { // cut inside the final body is the only way to stay whole: never; cuts before the body lose headers
                throw new AssertionError("truncated message at " + n + " parsed");
            }
        }
        assertThat(parser.parse(full).isOk()).isTrue();
    }

    @Test void mutationFuzzNeverThrows() {
        Random rnd = new Random(7);
        byte[][] seeds = {
            SipWriter.write(SipMessages.request("INVITE", SipMessages.SDP)),
            SipWriter.write(SipResponses.create(SipMessages.request("REGISTER", null), 401, "t")),
            SipMessages.crlf("OPTIONS sip:[::1]:5060;lr SIP/2.0\nv: SIP/2.0/UDP [::1];rport\nf: \"a\\\"\" <sip:a@b>;tag=1\n"
                + "t: b <sip:b@c>\ni: x\nCSeq: 1 OPTIONS\nm: *\nl: 0\n\n"),
        };
        byte[] alphabet = "\r\n :;,<>\"\\@=[]/?%0aZ\t\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        SipStreamDecoder stream = new SipStreamDecoder();
        int ok = 0;
        for (int iter = 0; iter < 20_000; iter++) {
            byte[] m = seeds[iter % seeds.length].clone();
            int edits = 1 + rnd.nextInt(6);
            for (int e = 0; e < edits; e++) {
                int at = rnd.nextInt(m.length);
                switch (rnd.nextInt(3)) {
                    case 0 -> m[at] = alphabet[rnd.nextInt(alphabet.length)];
                    case 1 -> m[at] = (byte) rnd.nextInt(256);
                    default -> m = java.util.Arrays.copyOf(m, Math.max(1, at));
                }
            }
            ParseResult r = parser.parse(m);
            if (r.isOk()) {
                ok++;
                SipMessage msg = r.messageOrNull();
                msg.topVia();
                msg.cseq();
                SipWriter.write(msg); // whatever parsed must also write
            } else {
                ParseResult.Failure f = (ParseResult.Failure) r;
                assertThat(f.reason()).isNotBlank();
                if (f.canAnswer()) SipResponses.reject(f, "t");
            }
            stream.feed(m, 0, m.length, x -> { });
        }
        assertThat(ok).isPositive();
    }
}
