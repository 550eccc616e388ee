package org.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.switchboard.testing.TestPbx;

/** A PBX's lines also go to SLF4J, a logger per source, while its console keeps Asterisk's format. */
class PbxLogSlf4jTest {
    private final Logger root = (Logger) LoggerFactory.getLogger("switchboard");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Level before;

    @BeforeEach
    void attach() {
        before = root.getLevel();
        root.setLevel(Level.DEBUG);
        events.start();
        root.addAppender(events);
    }

    @AfterEach
    void detach() {
        root.detachAppender(events);
        root.setLevel(before);
    }

    @Test
    void eachLineReachesTheLoggerOfItsSourceAndTheConsoleLineIsUnchanged() {
        try (TestPbx t = new TestPbx()) {
            List<String> console = new CopyOnWriteArrayList<>();
            t.pbx.log().addSink(l -> console.add(l.text()));
            t.runDialplan("[x]\nexten => s,1,Verbose(2,two)\n same => n,Log(WARNING,mind the gap)\n", "Test/slf4j", "x", "s");
            t.dialplan("[y]\nexten => s,1,NoOp()\nexten => s,1,NoOp()\n");   // a duplicate priority: a pbx_config.c warning

            assertThat(console).contains("  == two");
            assertThat(console).anyMatch(l -> l.matches("\\[\\w{3} \\d{2} \\d{2}:\\d{2}:\\d{2}\\] WARNING\\[\\d+\\]: Ext\\. s:2 @ x: mind the gap"));
            assertThat(events.list).anySatisfy(e -> {
                assertThat(e.getLoggerName()).isEqualTo("switchboard.verbose");
                assertThat(e.getLevel()).isEqualTo(Level.INFO);
                assertThat(e.getFormattedMessage()).isEqualTo("two");
            });
            assertThat(events.list).anySatisfy(e -> {
                assertThat(e.getLoggerName()).isEqualTo("switchboard.other");   // Log()'s source is made from the dialplan
                assertThat(e.getLevel()).isEqualTo(Level.WARN);
                assertThat(e.getFormattedMessage()).isEqualTo("Ext. s:2 @ x: mind the gap");
            });
            assertThat(events.list).anySatisfy(e -> {
                assertThat(e.getLoggerName()).isEqualTo("switchboard.pbx_config.c");
                assertThat(e.getFormattedMessage()).startsWith("extensions.conf:");
            });
        }
    }
}
