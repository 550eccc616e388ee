package org.switchboard.res.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.res.cli.CliDispatcher;

/** What each cdr.conf [general] setting changes in Master.csv. */
class CdrSettingsTest {
    private static final String DIALPLAN = """
            [callee]
            exten => answer,1,Answer()
             same => n,Wait(0.2)
             same => n,Hangup()
            exten => cong,1,Congestion(1)
            [in]
            exten => ring,1,Ringing()
             same => n,Wait(0.2)
             same => n,Hangup()
            exten => talk,1,Answer()
             same => n,Wait(1.6)
             same => n,Hangup()
            exten => quick,1,Answer()
             same => n,Hangup()
            exten => cong,1,Dial(Local/cong@callee,5)
            exten => dial,1,Dial(Local/answer@callee,5)
            exten => h,1,Verbose(1,@h end=${CDR(end)} lastapp=${CDR(lastapp)})
             same => n,Verbose(1,@h2 end=${CDR(end)} lastapp=${CDR(lastapp)})
            """;

    private static CdrTestPbx pbx(String general) {
        return new CdrTestPbx(Map.of("cdr.conf", "[general]\n" + general + "\n[csv]\n", "extensions.conf", DIALPLAN));
    }

    private static List<String> lines(CdrTestPbx p) {
        p.settle();
        return CdrTestPbx.read(p.master());
    }

    @Test
    void unansweredCallsWithoutAPartyBAreLeftOutUnlessUnansweredIsYes() {
        try (CdrTestPbx p = pbx("")) {
            p.call("in", "ring");
            Channel control = p.call("in", "quick");
            assertThat(lines(p)).singleElement().asString().contains("\"" + control.name() + "\"");
        }
        try (CdrTestPbx p = pbx("unanswered = yes")) {
            Channel ringing = p.call("in", "ring");
            assertThat(lines(p)).singleElement().asString().contains("\"" + ringing.name() + "\"")
                    .contains(",\"NO ANSWER\",");
        }
    }

    @Test
    void congestionIsFailedUnlessCongestionIsLogged() {
        try (CdrTestPbx p = pbx("")) {
            p.call("in", "cong");
            assertThat(lines(p)).singleElement().asString().contains(",\"Dial\",").contains(",\"FAILED\",");
        }
        try (CdrTestPbx p = pbx("congestion = yes")) {
            Channel c = p.call("in", "cong");
            // congested calls are logged: the caller's Dial, and the callee's own record too
            List<String> lines = lines(p);
            assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).contains(",\"CONGESTION\","));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"" + c.name() + "\",\"Local/cong@callee-"));
        }
    }

    @Test
    void initiatedSecondsCountsASecondBegunByHalf() {
        try (CdrTestPbx p = pbx("")) {
            p.call("in", "talk");
            assertThat(lines(p)).singleElement().asString().contains(",1,1,\"ANSWERED\"");
        }
        try (CdrTestPbx p = pbx("initiatedseconds = yes")) {
            p.call("in", "talk");
            assertThat(lines(p)).singleElement().asString().contains(",1,2,\"ANSWERED\"");
        }
    }

    @Test
    void batchModeHoldsRecordsUntilTheBatchIsFull() {
        try (CdrTestPbx p = pbx("batch = yes\nsize = 2\ntime = 300")) {
            p.call("in", "quick");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> status(p).contains("  Current batch size:         1 record\n"));
            assertThat(status(p)).contains("  Mode:                       Batch\n").contains("  Maximum batch size:         2 records\n");
            assertThat(CdrTestPbx.read(p.master())).isEmpty();
            p.call("in", "quick");
            assertThat(p.lines(p.master(), 2)).hasSize(2);
            // cdr submit posts a batch before it is full
            p.call("in", "quick");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> status(p).contains("  Current batch size:         1 record\n"));
            assertThat(cli(p, "cdr submit")).isEqualTo("Submitted CDRs to backend engines for processing.  This may take a while.\n");
            assertThat(p.lines(p.master(), 3)).hasSize(3);
        }
        try (CdrTestPbx p = pbx("")) {
            assertThat(cli(p, "cdr submit")).isEqualTo("Cannot submit CDR batch: batch mode not enabled.\n");
        }
    }

    @Test
    void withoutEndBeforeHExtenTheHExtensionGetsARecordOfItsOwn() {
        try (CdrTestPbx p = pbx("endbeforehexten = no")) {
            Channel c = p.call("in", "dial");
            // as in Asterisk, h's first line still reads the Dial record (its arguments are substituted
            // before it runs); from then on h has a record of its own, not ended
            assertThat(p.test.path().get(0)).matches("@h end=\\d{4}-.+ lastapp=Dial");
            assertThat(p.test.path().get(1)).isEqualTo("@h2 end= lastapp=Verbose");
            List<String> mine = lines(p).stream().filter(l -> l.contains("\"" + c.name() + "\"")).toList();
            assertThat(mine).hasSize(2);
            assertThat(mine).anySatisfy(l -> assertThat(l).contains(",\"Dial\",").contains(",\"ANSWERED\","));
            assertThat(mine).anySatisfy(l -> assertThat(l).startsWith("\"\",\"100\",\"h\",\"in\",").contains(",\"Verbose\","));
        }
        try (CdrTestPbx p = pbx("")) {
            Channel c = p.call("in", "dial");
            assertThat(p.test.path()).hasSize(2).allMatch(l -> l.matches("@h2? end=\\d{4}-.+ lastapp=Dial"));
            assertThat(lines(p).stream().filter(l -> l.contains("\"" + c.name() + "\""))).hasSize(1);
        }
    }

    private static String status(CdrTestPbx p) { return cli(p, "cdr show status"); }

    private static String cli(CdrTestPbx p, String command) {
        StringWriter sw = new StringWriter();
        new CliDispatcher(p.test.pbx).execute(command, new PrintWriter(sw));
        return sw.toString();
    }
}
