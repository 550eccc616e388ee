package org.switchboard.res.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.ChannelState;
import org.switchboard.core.Frame;
import org.switchboard.res.astdb.AstDb;
import org.switchboard.res.cli.CliDispatcher;

/** The AGI commands about the channel, the dialplan, data and text, each answered in Asterisk's words. */
class AgiChannelCommandsTest {
    @TempDir Path tmp;
    private AgiCall call;

    @AfterEach
    void tearDown() {
        if (call != null) call.close();
    }

    @Test
    void answerStatusCallerIdAndAutohangup() throws Exception {
        call = new AgiCall(tmp, "");
        assertThat(call.command("CHANNEL STATUS")).isEqualTo("200 result=0");
        assertThat(call.command("ANSWER")).isEqualTo("200 result=0");
        assertThat(call.channel.state()).isEqualTo(ChannelState.UP);
        assertThat(call.command("CHANNEL STATUS")).isEqualTo("200 result=6");
        assertThat(call.command("channel status " + call.channel.name())).isEqualTo("200 result=6");
        assertThat(call.command("CHANNEL STATUS Test/nobody")).isEqualTo("200 result=-1");
        assertThat(call.command("SET CALLERID \"\\\"Bob\\\" <(555) 123-4567>\"")).isEqualTo("200 result=1");
        assertThat(call.channel.callerId().name()).isEqualTo("Bob");
        assertThat(call.channel.callerId().number()).isEqualTo("5551234567");
        assertThat(call.command("SET AUTOHANGUP 30")).isEqualTo("200 result=0");
        assertThat(call.channel.absoluteDeadlineMillis()).isGreaterThan(System.currentTimeMillis() + 20_000);
        assertThat(call.command("SET AUTOHANGUP 0")).isEqualTo("200 result=0");
        assertThat(call.channel.absoluteDeadlineMillis()).isZero();
        assertThat(call.command("SET AUTOHANGUP soon")).startsWith("520-Invalid command syntax.  Proper usage follows:\n")
                .endsWith("\n520 End of proper usage.");
        call.end();
        assertThat(call.t.path()).containsExactly("@after SUCCESS");
    }

    @Test
    void setContextExtensionAndPriorityDecideWhereTheDialplanGoesOn() throws Exception {
        call = new AgiCall(tmp, """
                [other]
                exten => 100,1,Verbose(1,@wrong)
                 same => n(there),Verbose(1,@there ${AGISTATUS})
                """);
        assertThat(call.command("SET CONTEXT other")).isEqualTo("200 result=0");
        assertThat(call.command("SET EXTENSION 100")).isEqualTo("200 result=0");
        assertThat(call.command("SET PRIORITY nolabel")).startsWith("520-");
        assertThat(call.command("SET PRIORITY there")).isEqualTo("200 result=0");
        call.end();
        assertThat(call.t.path()).containsExactly("@there SUCCESS");
    }

    @Test
    void execRunsApplicationsAndGosubRunsASubroutine() throws Exception {
        call = new AgiCall(tmp, """
                exten => sub,1(start),Set(SUBRAN=${ARG1}${ARG2})
                 same => n,Return()
                """);
        assertThat(call.command("EXEC Set X=${EXTEN}")).isEqualTo("200 result=0");
        assertThat(call.channel.getVar("X")).isEqualTo("${EXTEN}");   // not substituted without AGIEXECFULL
        call.command("SET VARIABLE AGIEXECFULL yes");
        assertThat(call.command("EXEC Set \"Y=${EXTEN},more\"")).isEqualTo("200 result=0");
        assertThat(call.channel.getVar("Y")).isEqualTo("s,more");
        assertThat(call.command("EXEC NoSuchApplication")).isEqualTo("200 result=-2");
        assertThat(call.t.logLines("Could not find application (NoSuchApplication)")).hasSize(1);
        assertThat(call.command("EXEC")).startsWith("520-");
        assertThat(call.command("GOSUB ctx sub 1 a,b")).isEqualTo("200 result=0 Gosub complete");
        assertThat(call.channel.getVar("SUBRAN")).isEqualTo("ab");
        assertThat(call.command("GOSUB ctx sub start")).isEqualTo("200 result=0 Gosub complete");
        assertThat(call.command("GET VARIABLE PRIORITY")).isEqualTo("200 result=1 (1)");   // back where it was
        assertThat(call.command("GOSUB ctx nowhere 1")).isEqualTo("200 result=-1 Gosub label not found");
        assertThat(call.command("GOSUB ctx sub nolabel")).isEqualTo("200 result=-1 Gosub label not found");
        call.end();
        assertThat(call.t.path()).as("a Gosub label not found is a failure, as in Asterisk").containsExactly("@after FAILURE");
    }

    @Test
    void variablesFunctionsAndTheDatabase() throws Exception {
        call = new AgiCall(tmp, "");
        assertThat(call.command("SET VARIABLE CALLERID(name) Zed")).isEqualTo("200 result=1");
        assertThat(call.command("GET VARIABLE CALLERID(name)")).isEqualTo("200 result=1 (Zed)");
        assertThat(call.command("GET FULL VARIABLE ${CHANNEL}|${CALLERID(name)}")).isEqualTo("200 result=1 (" + call.channel.name() + "|Zed)");
        assertThat(call.command("GET FULL VARIABLE ${EXTEN} Test/nobody")).isEqualTo("200 result=0");
        call.channel.setVar("TWO_LINES", "a\nb");
        assertThat(call.command("GET VARIABLE TWO_LINES")).as("a line feed never splits an answer").isEqualTo("200 result=1 (a b)");
        assertThat(call.command("DATABASE PUT cf 100 200")).isEqualTo("200 result=1");
        assertThat(call.command("DATABASE PUT cf/x")).startsWith("520-");
        assertThat(call.command("DATABASE GET cf 100")).isEqualTo("200 result=1 (200)");
        assertThat(AstDb.of(call.t.pbx).get("cf", "100")).isEqualTo("200");
        assertThat(call.command("DATABASE DEL cf 100")).isEqualTo("200 result=1");
        assertThat(call.command("DATABASE DEL cf 100")).isEqualTo("200 result=0");
        assertThat(call.command("DATABASE GET cf 100")).isEqualTo("200 result=0");
        call.command("DATABASE PUT dnd 1 yes");
        assertThat(call.command("DATABASE DELTREE dnd")).isEqualTo("200 result=1");
        assertThat(call.command("DATABASE DELTREE dnd")).isEqualTo("200 result=0");
        assertThat(call.command("VERBOSE \"said by the server\" 1")).isEqualTo("200 result=1");
        assertThat(call.t.said(": said by the server")).singleElement().asString().contains(call.agi.uri("cmd"));
        assertThat(call.command("NOOP anything at all")).isEqualTo("200 result=0");
    }

    @Test
    void textImagesTddAndSpeechAnswerAsAsteriskDoesWithoutSupport() throws Exception {
        call = new AgiCall(tmp, "");
        assertThat(call.command("SEND TEXT \"hello there\"")).isEqualTo("200 result=0");
        assertThat(call.written).containsExactly(new Frame.TextFrame("hello there"));
        assertThat(call.commandWith("RECEIVE TEXT 5000", new Frame.TextFrame("hi back"))).isEqualTo("200 result=1 (hi back)");
        assertThat(call.command("RECEIVE TEXT 50")).isEqualTo("200 result=-1");
        assertThat(call.commandWith("RECEIVE CHAR 5000", new Frame.TextFrame("xyz"))).isEqualTo("200 result=120");
        assertThat(call.command("RECEIVE CHAR 50")).isEqualTo("200 result=0 (timeout)");
        assertThat(call.command("SEND IMAGE logo")).isEqualTo("200 result=0");
        assertThat(call.command("TDD MODE on")).isEqualTo("200 result=0");
        assertThat(call.command("TDD MODE")).startsWith("520-");
        assertThat(call.command("SPEECH CREATE lumenvox")).isEqualTo("200 result=0");
        assertThat(call.command("SPEECH LOAD GRAMMAR digits /tmp/digits.gram")).isEqualTo("200 result=0");
        assertThat(call.command("SPEECH RECOGNIZE beep 1000")).isEqualTo("200 result=0");
        assertThat(call.command("SPEECH SET")).startsWith("520-");
        assertThat(call.command("SPEECH DESTROY")).isEqualTo("200 result=0");
        assertThat(call.command("SPEECH")).isEqualTo("510 Invalid or unknown command");
    }

    @Test
    void hangupEndsTheCallAndTheServerHearsIt() throws Exception {
        call = new AgiCall(tmp, "");
        assertThat(call.command("HANGUP")).isEqualTo("200 result=1");
        assertThat(call.agi.answer()).isEqualTo("HANGUP");
        assertThat(call.command("GET VARIABLE AGISIGHUP")).isEqualTo("200 result=0");   // dead-safe
        assertThat(call.command("ANSWER")).isEqualTo("511 Command Not Permitted on a dead channel or intercept routine");
        call.end();
        assertThat(call.channel.getVar("AGISTATUS")).isEqualTo("HANGUP");
        assertThat(call.t.path()).isEmpty();
    }

    @Test
    void consoleListsCommandsAndTracesTheConversation() throws Exception {
        call = new AgiCall(tmp, "");
        CliDispatcher cli = new CliDispatcher(call.t.pbx);
        assertThat(run(cli, "agi set debug off")).isEqualTo("AGI Debugging Disabled\n");
        call.command("NOOP");
        assertThat(call.t.logLines("AGI Rx << NOOP")).isEmpty();
        assertThat(run(cli, "agi set debug on")).isEqualTo("AGI Debugging Enabled\n");
        call.command("GET VARIABLE EXTEN");
        assertThat(call.t.logLines("<" + call.channel.name() + ">AGI Rx << GET VARIABLE EXTEN")).hasSize(1);
        assertThat(call.t.logLines("<" + call.channel.name() + ">AGI Tx >> 200 result=1 (s)")).hasSize(1);
        String list = run(cli, "agi show commands");
        assertThat(list).contains(" Dead                        Command   Description")
                .contains("  Yes                   database get   Gets database value")
                .contains("   No                    stream file   Sends audio file on channel.");
        assertThat(run(cli, "agi show commands topic get full variable")).contains("GET FULL VARIABLE EXPRESSION [CHANNELNAME]")
                .contains("[Runs Dead]\nYes");
    }

    private static String run(CliDispatcher cli, String line) {
        StringWriter out = new StringWriter();
        try (PrintWriter w = new PrintWriter(out)) {
            cli.execute(line, w);
        }
        return out.toString();
    }
}
