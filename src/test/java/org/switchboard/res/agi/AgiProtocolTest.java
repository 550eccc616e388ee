package org.switchboard.res.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of AGI that do no I/O: words of a command line, targets, line framing, SRV order, encodings. */
class AgiProtocolTest {
    @Test
    void commandLinesSplitAsAsteriskSplitsThem() {
        assertThat(AgiArgs.parse("STREAM FILE welcome \"\"")).containsExactly("STREAM", "FILE", "welcome", "");
        assertThat(AgiArgs.parse("  SET   VARIABLE\tX \"a b\"  ")).containsExactly("SET", "VARIABLE", "X", "a b");
        assertThat(AgiArgs.parse("SET VARIABLE Q \"say \\\"hi\\\"\"")).containsExactly("SET", "VARIABLE", "Q", "say \"hi\"");
        assertThat(AgiArgs.parse("EXEC Dial SIP/a\\ b")).containsExactly("EXEC", "Dial", "SIP/a b");
        assertThat(AgiArgs.parse("x\"y z\"w")).containsExactly("xy zw");
        assertThat(AgiArgs.parse("\"unclosed quote")).containsExactly("unclosed quote");
        assertThat(AgiArgs.parse("")).isEmpty();
        assertThat(AgiArgs.parse("   ")).isEmpty();
        String many = "w ".repeat(500);
        assertThat(AgiArgs.parse(many)).hasSize(AgiArgs.MAX_ARGS - 1);
    }

    @Test
    void targetsAreScriptsFastAgiUrisOrAsync() {
        assertThat(AgiTarget.parse("agi:async").kind()).isEqualTo(AgiTarget.Kind.ASYNC);
        AgiTarget t = AgiTarget.parse("agi://agi.example.com/hello?x=1");
        assertThat(t.kind()).isEqualTo(AgiTarget.Kind.FAST);
        assertThat(t.host()).isEqualTo("agi.example.com");
        assertThat(t.port()).isEqualTo(4573);
        assertThat(t.script()).isEqualTo("hello?x=1");
        AgiTarget v6 = AgiTarget.parse("AGI://[::1]:4000");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.port()).isEqualTo(4000);
        assertThat(v6.script()).isEmpty();
        assertThat(AgiTarget.parse("hagi://example.com/x").kind()).isEqualTo(AgiTarget.Kind.FAST_SRV);
        assertThat(AgiTarget.parse("hagi://example.com:1/x").problem()).contains("takes no port");
        assertThat(AgiTarget.parse("agi://h:0/x").problem()).isEqualTo("bad port '0'");
        assertThat(AgiTarget.parse("agi://:4573/x").problem()).isEqualTo("no host");
        assertThat(AgiTarget.parse("agi://[::1/x").problem()).contains("']'");
        assertThat(AgiTarget.parse("/usr/bin/agi.py").kind()).isEqualTo(AgiTarget.Kind.SCRIPT);
    }

    @Test
    void linesAreFramedWithALimit() {
        List<String> lines = new ArrayList<>();
        AgiLineFramer f = new AgiLineFramer(16);
        byte[] b = "NOOP\r\nANSWER\nGET V".getBytes(StandardCharsets.UTF_8);
        assertThat(f.feed(b, 0, b.length, lines::add)).isTrue();
        assertThat(lines).containsExactly("NOOP", "ANSWER");
        assertThat(f.pending()).isEqualTo(5);
        byte[] rest = "ARIABLE X\n".getBytes(StandardCharsets.UTF_8);
        assertThat(f.feed(rest, 0, rest.length, lines::add)).isTrue();
        assertThat(lines).containsExactly("NOOP", "ANSWER", "GET VARIABLE X");
        byte[] big = "x".repeat(17).getBytes(StandardCharsets.UTF_8);
        assertThat(f.feed(big, 0, big.length, lines::add)).isFalse();
        assertThat(f.feed("NOOP\n".getBytes(StandardCharsets.UTF_8), 0, 5, lines::add)).as("nothing more after").isFalse();
        assertThat(lines).hasSize(3);
        AgiLineFramer utf8 = new AgiLineFramer(100);
        byte[] u = "VERBOSE \"grüß\"\n".getBytes(StandardCharsets.UTF_8);
        utf8.feed(u, 0, u.length, lines::add);
        assertThat(lines).last().isEqualTo("VERBOSE \"grüß\"");
    }

    @Test
    void srvRecordsAreTriedByPriorityThenWeight() {
        assertThat(SrvLookup.order(List.of("20 5 4573 b.example.com.", "10 1 4000 c.example.com.", "10 9 4001 a.example.com.",
                "0 0 0 .", "bad record")))
                .extracting(SrvLookup.Target::host).containsExactly("a.example.com", "c.example.com", "b.example.com");
    }

    @Test
    void asyncAgiTextIsUrlEncoded() {
        assertThat(AsyncAgiPeer.urlEncode("200 result=1 (hi)\n")).isEqualTo("200%20result%3D1%20%28hi%29%0A");
        assertThat(AsyncAgiPeer.urlEncode("agi_channel: SIP/a-1.x_y~z")).isEqualTo("agi_channel%3A%20SIP%2Fa-1.x_y~z");
        assertThat(AsyncAgiPeer.urlEncode("é")).isEqualTo("%C3%A9");
    }
}
