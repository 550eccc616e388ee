package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.PbxLog;
import org.switchboard.testing.TestPbx;

/** NoOp, Verbose, Log and UserEvent: what an admin sees on the console and a Manager client receives. */
class VerboseAppsTest {
    private TestPbx t;
    private Channel c;

    @BeforeEach
    void start() {
        t = new TestPbx();
        c = t.channel("Test/verbose");
        c.setLocation("ctx", "100", 2);
    }

    @AfterEach
    void stop() {
        PbxLog.setVerbose(3);
        t.close();
    }

    private void exec(String app, String data) { t.pbx.execute(c, app, data); }

    @Test
    void verboseUsesAsterisksPrefixes() {
        PbxLog.setVerbose(4);
        exec("Verbose", "plain");
        exec("Verbose", "1,one, with comma");
        exec("Verbose", "2,two");
        exec("Verbose", "3,three");
        exec("Verbose", "4,four");
        exec("Verbose", "9,capped");
        assertThat(t.log).containsSubsequence("plain", " one, with comma", "  == two", "    -- three", "       > four",
                "       > capped");
    }

    @Test
    void verboseRespectsTheConsoleLevel() {
        PbxLog.setVerbose(2);
        exec("Verbose", "3,hidden");
        exec("Verbose", "2,shown");
        assertThat(t.log).contains("  == shown").doesNotContain("    -- hidden");
    }

    @Test
    void verboseWithABadLevelWarnsAndPrintsAtZero() {
        exec("Verbose", "loud,message");
        exec("Verbose", "");
        assertThat(t.logLines("'loud' is not a verboser number")).hasSize(1);
        assertThat(t.log).contains("message");   // level 0: no prefix
    }

    @Test
    void logWritesAtTheLevelWithTheDialplanLocation() {
        exec("Log", "WARNING,disk, almost full");
        exec("Log", "notice,hello");
        exec("Log", "LOUD,x");
        assertThat(t.log).anyMatch(l -> l.contains("] WARNING[") && l.endsWith(": Ext. 100:2 @ ctx: disk, almost full"));
        assertThat(t.log).anyMatch(l -> l.contains("] NOTICE[") && l.endsWith(": Ext. 100:2 @ ctx: hello"));
        assertThat(t.logLines("Unknown log level: 'LOUD'")).hasSize(1);
        assertThat(t.logLines(": x")).isEmpty();
    }

    @Test
    void noOpDoesNothingButShowsItsArgument() {
        assertThat(t.dialplan("[ctx]\nexten => s,1,NoOp(look, here)\n")).isEmpty();
        Channel d = t.channel("Test/verbose");
        d.setLocation("ctx", "s", 1);
        t.pbx.runPbx(d);
        assertThat(t.log).contains("    -- Executing [s@ctx:1] NoOp(\"" + d.name() + "\", \"look, here\") in new stack");
    }

    @Test
    void userEventCarriesTheNameAndHeaders() {
        List<ManagerEvent> events = new CopyOnWriteArrayList<>();
        t.pbx.events().subscribe(e -> {
            if (e.name().equals("UserEvent")) events.add(e);
        });
        exec("UserEvent", "Recorded,File: /tmp/x.wav,Seconds:  42 ,no colon here,Note: \"a, b\"");
        assertThat(events).hasSize(1);
        ManagerEvent e = events.get(0);
        assertThat(e.category()).isEqualTo("user");
        assertThat(e.get("Channel")).isEqualTo(c.name());
        assertThat(e.get("UserEvent")).isEqualTo("Recorded");
        assertThat(e.get("File")).isEqualTo("/tmp/x.wav");
        assertThat(e.get("Seconds")).isEqualTo("42");
        assertThat(e.get("Note")).isEqualTo("a, b");
        assertThat(e.fields()).doesNotContainKey("no colon here");
        assertThat(List.copyOf(e.fields().keySet())).containsSubsequence("Channel", "Uniqueid", "UserEvent", "File", "Seconds", "Note");
    }

    @Test
    void userEventWithoutANameWarnsAndEndsTheCall() {
        assertThat(t.dialplan("[ctx]\nexten => s,1,UserEvent()\n same => n,Verbose(1,@never)\n")).isEmpty();
        Channel d = t.channel("Test/verbose");
        d.setLocation("ctx", "s", 1);
        t.pbx.runPbx(d);
        assertThat(t.logLines("UserEvent requires an argument (eventname,optional event body)")).hasSize(1);
        assertThat(t.log).doesNotContain(" @never");
    }
}
