package org.switchboard.res.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.res.cli.CliDispatcher;

/** What the dialplan sees and changes of its call records: CDR() in h, user fields, NoCDR, CDR_PROP, ResetCDR. */
class CdrDialplanTest {
    private CdrTestPbx pbx;

    @BeforeEach
    void start() {
        pbx = new CdrTestPbx(Map.of("cdr.conf", """
                [general]
                [csv]
                loguserfield = yes
                """, "extensions.conf", """
                [callee]
                exten => answer,1,Answer()
                 same => n,Wait(1.2)
                 same => n,Hangup()

                [withh]
                exten => s,1,Set(CDR(userfield)=vip)
                 same => n,Set(CDR(rate)=0.02)
                 same => n,Dial(Local/answer@callee,5)
                exten => h,1,Verbose(1,@h ${CDR(dstchannel)}|${CDR(disposition)}|${CDR(billsec)}|${CDR(lastapp)}|${CDR(dst)}|${CDR(dcontext)}|${CDR(userfield)}|${CDR(rate)}|${CDR(disposition,u)}|${CDR(amaflags)}|${CDR(amaflags,u)})
                 same => n,Verbose(1,@times ${CDR(start)}|${CDR(answer)}|${CDR(end)}|${CDR(billsec,f)}|${CDR(start,u)})
                 same => n,Set(CDR(userfield)=set-in-h)

                [nocdr]
                exten => s,1,Answer()
                 same => n,NoCDR()
                 same => n,Hangup()

                [disabled]
                exten => s,1,Answer()
                 same => n,Set(CDR_PROP(disable)=1)
                 same => n,Hangup()

                [reenabled]
                exten => s,1,Answer()
                 same => n,NoCDR()
                 same => n,ResetCDR(e)
                 same => n,Hangup()

                [fork]
                exten => s,1,Answer()
                 same => n,SetAMAFlags(BILLING)
                 same => n,Set(CDR(userfield)=before)
                 same => n,ForkCDR(e)
                 same => n,Set(CDR(userfield)=after)
                 same => n,Hangup()

                [control]
                exten => s,1,Answer()
                 same => n,Set(CDR(accountcode)=acme)
                 same => n,Hangup()
                """));
    }

    @AfterEach
    void stop() { pbx.close(); }

    @Test
    void hExtensionReadsTheFinishedDialRecordAndCanStillSetItsUserfield() {
        Channel caller = pbx.call("withh");
        pbx.settle();
        List<String> h = pbx.test.path();
        assertThat(h.get(0)).matches("@h Local/answer@callee-[0-9a-f]{8};1\\|ANSWERED\\|1\\|Dial\\|s\\|withh\\|vip\\|0\\.02\\|8\\|DOCUMENTATION\\|3");
        String date = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";
        assertThat(h.get(1)).matches("@times " + date + "\\|" + date + "\\|" + date + "\\|1\\.[0-9]{6}\\|\\d+\\.\\d{6}");
        String line = CdrTestPbx.read(pbx.master()).stream().filter(l -> l.contains(caller.name())).findFirst().orElseThrow();
        assertThat(line).endsWith(",\"ANSWERED\",\"DOCUMENTATION\",\"set-in-h\"");
    }

    @Test
    void noCdrAndCdrPropDisableLeaveNoLineWhileResetCdrEReenables() {
        Channel quiet = pbx.call("nocdr");
        Channel disabled = pbx.call("disabled");
        Channel again = pbx.call("reenabled");
        Channel control = pbx.call("control");
        pbx.settle();
        List<String> lines = CdrTestPbx.read(pbx.master());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"" + again.name() + "\"");
        assertThat(lines.get(1)).startsWith("\"acme\",\"100\",\"s\",\"control\",").contains("\"" + control.name() + "\"");
        assertThat(String.join("\n", lines)).doesNotContain(quiet.name()).doesNotContain(disabled.name());
        // accountlogs (on by default): the acme line also goes to acme.csv
        assertThat(CdrTestPbx.read(pbx.logDir().resolve("cdr-csv/acme.csv"))).containsExactly(lines.get(1));
        assertThat(pbx.test.logLines("Using the CDR function to set 'accountcode' is deprecated")).hasSize(1);
    }

    @Test
    void forkCdrEndsTheFirstRecordAndTheForkGoesOnWithItsOwnUserfield() {
        Channel c = pbx.call("fork");
        pbx.settle();
        List<String> lines = CdrTestPbx.read(pbx.master());
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"" + c.name() + "\"")
                .contains(",\"ANSWERED\",\"BILLING\","));
        assertThat(lines.get(0)).contains(",\"ForkCDR\",").endsWith(",\"before\"");
        assertThat(lines.get(1)).contains(",\"Hangup\",").endsWith(",\"after\"");
        assertThat(pbx.test.logLines("The SetAMAFlags application is deprecated. Please use the CHANNEL function instead.")).hasSize(1);
    }

    @Test
    void readOnlyFieldsAreRefusedAndUnknownChannelsSaySo() {
        Channel c = pbx.test.channel("Test/eval");
        pbx.test.pbx.vars().set(c, "CDR(src)", "999");
        assertThat(pbx.test.logLines("Attempt to set the 'src' read-only variable!")).hasSize(1);
        assertThat(pbx.test.eval(c, "${CDR(src)}|${CDR(channel)}|${CDR(disposition)}|${CDR(answer)}|${CDR(sequence)}"))
                .matches("\\|" + java.util.regex.Pattern.quote(c.name()) + "\\|NO ANSWER\\|\\|\\d+");
    }

    @Test
    void statusShowsTheSettingsAndTheCsvBackend() {
        StringWriter sw = new StringWriter();
        new CliDispatcher(pbx.test.pbx).execute("cdr show status", new PrintWriter(sw));
        assertThat(sw.toString()).contains("""
                Call Detail Record (CDR) settings
                ----------------------------------
                  Logging:                    Enabled
                  Mode:                       Simple
                  Log calls by default:       Yes
                  Log unanswered calls:       No
                  Log congestion:             No
                """).contains("""
                * Registered Backends
                  -------------------
                    csv
                """);
    }
}
