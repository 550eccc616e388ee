package org.switchboard.channels.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.sdp.SdpParser;

/** The SIPp-style messages in src/test/resources/sip: good ones parse and rewrite, bad ones fail as labelled. */
class SipSamplesTest {

    /** LF to CRLF, {@code [len]} replaced by the body length, as SIPp sends them. */
    static byte[] load(Path p) throws IOException {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (text.startsWith("#")) text = text.substring(text.indexOf('\n') + 1);
        text = text.replace("\r\n", "\n").replace("\n", "\r\n");
        int split = text.indexOf("\r\n\r\n") + 4;
        int len = text.substring(split).getBytes(StandardCharsets.UTF_8).length;
        return text.replace("[len]", Integer.toString(len)).getBytes(StandardCharsets.UTF_8);
    }

    static List<Path> samples() throws IOException, URISyntaxException {
        Path dir = Path.of(SipSamplesTest.class.getResource("/sip").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".sip")).sorted().toList();
        }
    }

    @Test void everySampleBehavesAsLabelled() throws Exception {
        List<Path> all = samples();
        assertThat(all).hasSizeGreaterThanOrEqualTo(10);
        SipParser parser = new SipParser();
        for (Path p : all) {
            byte[] raw = load(p);
            ParseResult r = parser.parse(raw);
            String name = p.getFileName().toString();
            if (name.startsWith("bad-")) {
                String first = Files.readAllLines(p).get(0);
                int expect = Integer.parseInt(first.substring(first.lastIndexOf(' ') + 1));
                assertThat(r).as(name).isInstanceOf(ParseResult.Failure.class);
                ParseResult.Failure f = (ParseResult.Failure) r;
                assertThat(f.status()).as(name + ": " + f.reason()).isEqualTo(expect);
                // without a Call-ID no response can be formed (RFC 3261 §8.2.6.2): the caller drops and logs
                if (f.canAnswer()) assertThat(SipResponses.reject(f, "t").status()).isEqualTo(expect);
                else assertThat(f.headers().contains("Call-ID")).isFalse();
                continue;
            }
            assertThat(r.isOk()).as(name + " " + r).isTrue();
            SipMessage m = r.messageOrNull();
            // stream framing agrees with datagram parsing, and write-then-parse is stable
            assertThat(new SipStreamDecoder().feed(raw)).hasSize(1).first().matches(x -> x.messageOrNull().equals(m));
            assertThat(parser.parse(SipWriter.write(m)).messageOrNull()).isEqualTo(m);
            if ("application/sdp".equals(m.contentType())) {
                assertThat(SdpParser.parse(m.body())).as(name).isInstanceOf(SdpParser.Parsed.class);
            }
        }
    }

    @Test void foldedAuthorizationReadsAsOneValue() throws Exception {
        Path p = samples().stream().filter(x -> x.endsWith("register-digest.sip")).findFirst().orElseThrow();
        SipMessage m = new SipParser().parse(load(p)).messageOrNull();
        DigestCredentials c = DigestCredentials.parse(m.header("Authorization"));
        assertThat(c.username()).isEqualTo("0000FFFF0001");
        assertThat(c.qop()).isEqualTo("auth");
        assertThat(c.nc()).isEqualTo("00000001");
        assertThat(m.topVia().rport()).isTrue();
        assertThat(m.expires()).isEqualTo(3600);
    }
}
