package org.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogTextTest {
    @Test
    void aForgedLogLineAndTerminalEscapesBecomeVisibleText() {
        String username = "admin\r\n[Dec 07 10:00:00] NOTICE[1]: manager: 'root' logged in\u001b[2J\0";
        String shown = LogText.oneLine(username);
        assertThat(shown).doesNotContain("\r", "\n", "\u001b", "\0");
        assertThat(shown).isEqualTo("admin\\r\\n[Dec 07 10:00:00] NOTICE[1]: manager: 'root' logged in\\e[2J\\0");
    }

    @Test
    void plainTextIsReturnedAsItIs() {
        String s = "Call from '100' (127.0.0.1:5060) to extension 'ü' rejected\tbecause";
        assertThat(LogText.oneLine(s)).isSameAs(s);
    }

    @Test
    void multiLineDumpsKeepTheirLineFeedsButNotBareCarriageReturnsOrNul() {
        String sip = "OPTIONS sip:x SIP/2.0\r\nVia\0: bad\rX: \u009b\u2028\r\n";
        assertThat(LogText.lines(sip)).isEqualTo("OPTIONS sip:x SIP/2.0\nVia\\0: bad\\rX: \\x9b\\x2028\n");
    }

    @Test
    void logLinesAreEscapedBeforeAnySinkSeesThem() {
        List<PbxLog.Line> seen = new ArrayList<>();
        java.util.function.Consumer<PbxLog.Line> sink = seen::add;
        PbxLog.addSink(sink);
        try {
            PbxLog.notice("manager", "login from 'a\u001b]0;owned\u0007'");
            PbxLog.verbose(0, "one\ntwo\u001b");
        } finally {
            PbxLog.removeSink(sink);
        }
        assertThat(seen).extracting(PbxLog.Line::text).allSatisfy(t -> assertThat(t).doesNotContain("\u001b", "\u0007"));
        assertThat(seen.get(1).text()).isEqualTo("one\ntwo\\e");
    }

    @Test
    void aFloodFromOnePeerIsCountedAndSummarisedWhileOtherPeersStillGetTheirLines() {
        AtomicLong now = new AtomicLong(1_000_000);
        LogRateLimiter limiter = new LogRateLimiter(3, 10_000, now::get);
        LogRateLimiter.Key flood = new LogRateLimiter.Key("sip", "127.0.0.1");
        LogRateLimiter.Key other = new LogRateLimiter.Key("sip", "127.0.0.2");
        int logged = 0;
        for (int i = 0; i < 1_236; i++) if (limiter.attempt(flood) != null) logged++;
        assertThat(logged).isEqualTo(3);
        assertThat(limiter.attempt(other)).isEmpty();
        now.addAndGet(10_000);
        List<LogRateLimiter.Summary> next = limiter.attempt(flood);
        assertThat(next).extracting(LogRateLimiter.Summary::text).containsExactly("... 1,233 more from 127.0.0.1 in the last 10 s");
        now.addAndGet(10_000);
        assertThat(limiter.drain()).isEmpty(); // the new window suppressed nothing
        assertThat(limiter.tracking()).isFalse();
    }

    @Test
    void aSummaryIsDueWhenTheFloodStops() {
        AtomicLong now = new AtomicLong(0);
        LogRateLimiter limiter = new LogRateLimiter(1, 10_000, now::get);
        LogRateLimiter.Key k = new LogRateLimiter.Key("manager", "10.0.0.9");
        limiter.attempt(k);
        assertThat(limiter.attempt(k)).isNull();
        assertThat(limiter.drain()).isEmpty(); // window still open
        now.set(12_000);
        assertThat(limiter.drain()).extracting(LogRateLimiter.Summary::text).containsExactly("... 1 more from 10.0.0.9 in the last 10 s");
    }
}
