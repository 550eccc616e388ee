package org.switchboard.res.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;

/** Master.csv as an admin reads it after calls through Dial over Local channels (cdr_csv). */
class CsvCdrTest {
    private static final String DATE = "\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\"";

    static final String DIALPLAN = """
            [callee]
            exten => answer,1,Answer()
             same => n,Wait(1.1)
             same => n,Hangup()
            exten => busy,1,Busy(5)
            exten => ring,1,Ringing()
             same => n,Wait(30)

            [caller]
            exten => s,1,Dial(Local/${TARGET}@callee,${TIMEOUT})
             same => n,Hangup()
            """;

    private CdrTestPbx pbx;

    @BeforeEach
    void start() {
        pbx = new CdrTestPbx(Map.of("cdr.conf", """
                [general]
                enable = yes
                [csv]
                loguniqueid = yes
                loguserfield = yes
                accountlogs = yes
                """, "extensions.conf", DIALPLAN));
    }

    @AfterEach
    void stop() { pbx.close(); }

    private Channel dial(String target, String timeout) {
        Channel c = pbx.test.channel("Test/caller");
        c.callerId().setName("Alice");
        c.callerId().setNumber("100");
        c.setVar("TARGET", target);
        c.setVar("TIMEOUT", timeout);
        c.setLocation("caller", "s", 1);
        pbx.test.pbx.runPbx(c);
        pbx.settle();
        return c;
    }

    /** A whole Master.csv line: literal fields (quoted as cdr_csv quotes them), dates as patterns. */
    private static Pattern line(String... parts) { return Pattern.compile(String.join("", parts)); }

    private static String q(String text) { return Pattern.quote("\"" + text.replace("\"", "\"\"") + "\","); }

    @Test
    void answeredCallGivesTheCallerALineWithTheDialedChannelAndTheCalleeOneOfItsOwn() {
        Channel caller = dial("answer", "5");
        List<String> lines = CdrTestPbx.read(pbx.master());
        assertThat(lines).hasSize(2);
        String dialed = lines.stream().filter(l -> l.contains("\"Dial\"")).findFirst().orElseThrow();
        assertThat(dialed).matches(line(q(""), q("100"), q("s"), q("caller"), q("\"Alice\" <100>"), q(caller.name()),
                "\"Local/answer@callee-[0-9a-f]{8};1\",", q("Dial"), q("Local/answer@callee,5"),
                DATE, ",", DATE, ",", DATE, ",", "1,1,", q("ANSWERED"), q("DOCUMENTATION"), q(caller.uniqueId()), "\"\""));
        // the Local channel's ;2 half ran dialplan of its own: its record has no Party B
        String callee = lines.stream().filter(l -> l.contains("\"Hangup\"")).findFirst().orElseThrow();
        assertThat(callee).matches(line(q(""), q("100"), q("answer"), q("callee"), q("\"Alice\" <100>"),
                "\"Local/answer@callee-[0-9a-f]{8};2\",", q(""), q("Hangup"), q(""),
                DATE, ",", DATE, ",", DATE, ",", "1,1,", q("ANSWERED"), q("DOCUMENTATION"), "\"[0-9.]+\",\"\""));
    }

    @Test
    void unansweredDialIsNoAnswerWithoutAnAnswerTime() {
        Channel caller = dial("ring", "0.5");
        List<String> lines = CdrTestPbx.read(pbx.master());
        assertThat(lines).singleElement().asString().matches(line(q(""), q("100"), q("s"), q("caller"),
                q("\"Alice\" <100>"), q(caller.name()), "\"Local/ring@callee-[0-9a-f]{8};1\",", q("Dial"),
                q("Local/ring@callee,0.5"), DATE, ",,", DATE, ",", "0,0,", q("NO ANSWER"), q("DOCUMENTATION"),
                q(caller.uniqueId()), "\"\""));
    }

    @Test
    void parallelDialGivesARecordPerDestination() {
        // the CDR specification's "Parallel Dial": one NO ANSWER line for the phone that rang, one ANSWERED
        Channel caller = dial("ring@callee&Local/answer", "5");
        List<String> lines = CdrTestPbx.read(pbx.master()).stream().filter(l -> l.contains("\"" + caller.name() + "\"")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",\"Local/ring@callee-").contains(",\"NO ANSWER\","));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",\"Local/answer@callee-").contains(",\"ANSWERED\","));
        assertThat(lines).allSatisfy(l -> assertThat(l).contains(",\"Dial\",\"Local/ring@callee&Local/answer@callee,5\","));
    }

    @Test
    void busyCalleeIsBusy() {
        Channel caller = dial("busy", "5");
        List<String> lines = CdrTestPbx.read(pbx.master());
        assertThat(lines).singleElement().asString().matches(line(q(""), q("100"), q("s"), q("caller"),
                q("\"Alice\" <100>"), q(caller.name()), "\"Local/busy@callee-[0-9a-f]{8};1\",", q("Dial"),
                q("Local/busy@callee,5"), DATE, ",,", DATE, ",", "0,0,", q("BUSY"), q("DOCUMENTATION"),
                q(caller.uniqueId()), "\"\""));
    }
}
