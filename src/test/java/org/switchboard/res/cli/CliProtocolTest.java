package org.switchboard.res.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.res.cli.CliProtocol.Kind;
import org.switchboard.res.cli.CliProtocol.Request;

class CliProtocolTest {
    private static List<Request> feed(CliProtocol.Decoder d, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return d.feed(b, 0, b.length);
    }

    @Test
    void aPlainLineIsACommandAndColonLinesAreControlRequests() {
        CliProtocol.Decoder d = new CliProtocol.Decoder();
        List<Request> r = feed(d, "core show channels\n:complete core sh\n:log on\n:log off\n:quit\n");
        assertThat(r).containsExactly(new Request(Kind.COMMAND, "core show channels"), new Request(Kind.COMPLETE, "core sh"),
                new Request(Kind.LOG_ON, ""), new Request(Kind.LOG_OFF, ""), new Request(Kind.QUIT, ""));
    }

    @Test
    void aLineSplitAcrossReadsIsOneRequestAndCrLfIsAccepted() {
        CliProtocol.Decoder d = new CliProtocol.Decoder();
        assertThat(feed(d, "core sh")).isEmpty();
        assertThat(feed(d, "ow version\r")).isEmpty();
        assertThat(feed(d, "\n")).containsExactly(new Request(Kind.COMMAND, "core show version"));
    }

    @Test
    void aTooLongLineIsRefusedOnceAndTheNextLineIsReadNormally() {
        CliProtocol.Decoder d = new CliProtocol.Decoder(16);
        List<Request> out = new ArrayList<>();
        out.addAll(feed(d, "x".repeat(40)));
        out.addAll(feed(d, "y".repeat(40) + "\nreload\n"));
        assertThat(out).hasSize(2);
        assertThat(out.get(0).kind()).isEqualTo(Kind.MALFORMED);
        assertThat(out.get(0).text()).isEqualTo("request too long (limit 16 bytes)");
        assertThat(out.get(1)).isEqualTo(new Request(Kind.COMMAND, "reload"));
    }

    @Test
    void aLineOfExactlyTheLimitIsAccepted() {
        CliProtocol.Decoder d = new CliProtocol.Decoder(16);
        assertThat(feed(d, "a".repeat(16) + "\n")).containsExactly(new Request(Kind.COMMAND, "a".repeat(16)));
    }

    @Test
    void bytesThatAreNotUtf8AndControlCharactersAreMalformed() {
        CliProtocol.Decoder d = new CliProtocol.Decoder();
        byte[] bad = {(byte) 0xff, (byte) 0xfe, 'a', '\n'};
        assertThat(d.feed(bad, 0, bad.length)).containsExactly(new Request(Kind.MALFORMED, "malformed request: not UTF-8"));
        assertThat(feed(d, "core\u0000show\n").get(0).text()).isEqualTo("malformed request: control character 0x0 at column 5");
        assertThat(feed(d, "é\tok\n")).containsExactly(new Request(Kind.COMMAND, "é\tok"));
    }

    @Test
    void unknownControlRequestsAreMalformed() {
        assertThat(CliProtocol.parse(":frobnicate now")).isEqualTo(new Request(Kind.MALFORMED, "unknown request ':frobnicate'"));
        assertThat(CliProtocol.parse(":log maybe").kind()).isEqualTo(Kind.MALFORMED);
        assertThat(CliProtocol.parse(":complete")).isEqualTo(new Request(Kind.COMPLETE, ""));
    }

    @Test
    void serverLinesCarryTheirTagBeforeASpace() {
        String l = CliProtocol.line(CliProtocol.OUTPUT, "  '100' =>");
        assertThat(l).isEqualTo("O   '100' =>");
        assertThat(CliProtocol.tag(l)).isEqualTo('O');
        assertThat(CliProtocol.text(l)).isEqualTo("  '100' =>");
        assertThat(CliProtocol.tag("garbage")).isEqualTo((char) 0);
    }
}
