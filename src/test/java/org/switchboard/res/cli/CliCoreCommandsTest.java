package org.switchboard.res.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.ModuleState;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.res.cli.commands.CoreShowUptime;
import org.switchboard.testing.TestPbx;

/** The core console commands, run through the dispatcher on a PBX with every module loaded. */
class CliCoreCommandsTest {
    private final TestPbx tp = new TestPbx();

    @AfterEach
    void close() {
        ShutdownRequests.unregister(tp.pbx);
        tp.close();
    }

    private String run(String line) {
        StringWriter sw = new StringWriter();
        new CliDispatcher(tp.pbx).execute(line, new PrintWriter(sw));
        return sw.toString();
    }

    private static String row(String channel, String location, String state, String app) {
        return String.format("%-20.20s %-20.20s %-7.7s %-30.30s", channel, location, state, app) + "\n";
    }

    @Test
    void versionNamesSwitchboardAndTheJavaItRunsOn() {
        assertThat(run("core show version")).startsWith(Pbx.VERSION + " running on Java " + Runtime.version()).endsWith("\n");
        assertThat(run("core show version extra")).startsWith("Usage: core show version");
    }

    @Test
    void uptimeIsPrintedInWordsOrInSeconds() {
        assertThat(run("core show uptime")).matches("System uptime: \\d+ seconds?\nLast reload: \\d+ seconds?\n");
        assertThat(run("core show uptime seconds")).matches("System uptime: \\d+\nLast reload: \\d+\n");
        assertThat(run("core show uptime minutes")).startsWith("Usage: core show uptime [seconds]");
    }

    @Test
    void uptimeWordsFollowAsterisk() {
        assertThat(CoreShowUptime.format(0, false)).isEqualTo("0 seconds");
        assertThat(CoreShowUptime.format(1, false)).isEqualTo("1 second");
        assertThat(CoreShowUptime.format(61, false)).isEqualTo("1 minute, 1 second");
        assertThat(CoreShowUptime.format(2 * 3600 + 120, false)).isEqualTo("2 hours, 2 minutes");
        assertThat(CoreShowUptime.format(366L * 86400 + 8 * 86400 + 5, false))
                .isEqualTo("1 year, 1 week, 2 days, 5 seconds");
    }

    @Test
    void channelsAreListedInAsterisksColumnsWithTheTotals() {
        Channel c = tp.channel("SIP/100");
        c.setLocation("phones", "100", 2);
        tp.pbx.execute(c, "NoOp", "hello");
        String out = run("core show channels");
        assertThat(out).isEqualTo(row("Channel", "Location", "State", "Application(Data)")
                + row(c.name(), "100@phones:2", "Down", "NoOp(hello)")
                + "1 active channel\n" + tp.pbx.activeCalls() + " active calls\n"
                + tp.pbx.processedCalls() + " calls processed\n");
        assertThat(out.lines().toList().get(0)).isEqualTo(
                "Channel              Location             State   Application(Data)             ");
    }

    @Test
    void aChannelThatRunsNothingShowsNone() {
        Channel c = tp.channel("Test/idle");
        assertThat(run("core show channels")).contains(row(c.name(), "s@default:1", "Down", "(None)"));
    }

    @Test
    void conciseIsOneBangSeparatedLinePerChannelWithoutTotals() {
        Channel c = tp.channel("SIP/200");
        c.setLocation("phones", "200", 1);
        c.callerId().setNumber("555");
        tp.pbx.execute(c, "NoOp", "x,y");
        assertThat(run("core show channels concise")).isEqualTo(String.join("!", c.name(), "phones", "200", "1", "Down", "NoOp",
                "x,y", "555", "", "", "3", "0", "(None)", c.uniqueId()) + "\n");
    }

    @Test
    void verboseHasTheWideHeaderAndCountOnlyTheTotals() {
        tp.channel("SIP/300");
        String verbose = run("core show channels verbose");
        assertThat(verbose.lines().toList().get(0)).startsWith(
                "Channel              Context              Extension        Prio State   Application  Data                      CallerID        Duration Accountcode PeerAccount BridgedTo");
        assertThat(verbose).contains(" 00:00:0").endsWith(" calls processed\n");
        assertThat(run("core show channels count")).matches("1 active channel\n\\d+ active calls?\n\\d+ calls? processed\n");
        assertThat(run("core show channels wide")).startsWith("Usage: core show channels [concise|verbose|count]");
    }

    @Test
    void theCountOfCallsComesFromTheCore() {
        assertThat(run("core show channels count")).isEqualTo("0 active channels\n" + tp.pbx.activeCalls() + " active calls\n"
                + tp.pbx.processedCalls() + " calls processed\n");
    }

    @Test
    void applicationsAreListedWithTheirSynopsisAndCounted() {
        var apps = tp.pbx.modules().applications();
        String out = run("core show applications");
        assertThat(out).startsWith("    -= Registered Switchboard Applications =-\n")
                .endsWith("    -= " + apps.size() + " Applications Registered =-\n");
        Application noop = tp.pbx.modules().application("NoOp");
        assertThat(out).contains("                  NoOp: " + noop.synopsis() + "\n");
        assertThat(out.lines().count()).isEqualTo(apps.size() + 2);
    }

    @Test
    void applicationsLikeFiltersByNameIgnoringCase() {
        String out = run("core show applications like noop");
        assertThat(out).startsWith("    -= Matching Switchboard Applications =-\n").contains("  NoOp: ")
                .endsWith("    -= 1 Applications Matching =-\n");
        assertThat(run("core show applications like zzzz")).endsWith("    -= 0 Applications Matching =-\n");
        assertThat(run("core show applications sorted")).startsWith("Usage: core show applications");
    }

    @Test
    void oneApplicationShowsItsDocumentationInAsterisksSections() {
        Application noop = tp.pbx.modules().application("NoOp");
        assertThat(run("core show application noop")).isEqualTo("\n  -= Info about application 'NoOp' =- \n\n"
                + "[Synopsis]\n" + noop.synopsis() + "\n\n"
                + "[Description]\n" + noop.description().stripTrailing() + "\n\n"
                + "[Syntax]\n" + noop.syntax() + "\n");
        assertThat(run("core show application NoSuchApp")).isEqualTo("Your application(s) is (are) not registered\n");
        assertThat(run("core show application")).startsWith("Usage: core show application <application>");
    }

    @Test
    void functionsAreListedWithSyntaxAndSynopsis() {
        var funcs = tp.pbx.modules().functions();
        String out = run("core show functions");
        assertThat(out).startsWith("Installed Custom Functions:\n" + "-".repeat(80) + "\n")
                .endsWith(funcs.size() + " custom functions installed.\n");
        DialplanFunction f = tp.pbx.modules().function("ISNULL");
        assertThat(out).contains(String.format("%-20.20s  %-35.35s  %s", f.name(), f.syntax(), f.synopsis()));
        assertThat(run("core show functions like isnu")).startsWith("Matching Custom Functions:\n")
                .endsWith("1 matching custom functions installed.\n");
    }

    @Test
    void oneFunctionShowsItsDocumentation() {
        DialplanFunction f = tp.pbx.modules().function("ISNULL");
        String out = run("core show function ISNULL");
        assertThat(out).startsWith("\n  -= Info about function 'ISNULL' =- \n\n[Synopsis]\n" + f.synopsis() + "\n\n[Description]\n")
                .endsWith("[Syntax]\n" + f.syntax() + "\n");
        assertThat(run("core show function NOPE")).isEqualTo("No function by that name registered.\n");
        assertThat(run("core show function A B")).startsWith("Usage: core show function <function>");
    }

    @Test
    void modulesAreListedInAsterisksColumns() {
        String out = run("module show");
        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).isEqualTo(
                "Module                         Description                              Use Count  Status      Support Level");
        List<ModuleState> states = tp.pbx.modules().states();
        assertThat(lines).hasSize(states.size() + 2).last().isEqualTo(states.size() + " modules loaded");
        assertThat(lines).contains(String.format("%-30s %-40.40s %-10d %-11s %13s", "pbx_config.so", "Text Extension Configuration", 0,
                "Running", "core"));
        assertThat(run("module show like PBX_conf")).contains("pbx_config.so").endsWith("1 modules loaded\n");
        assertThat(run("module show unlike x")).startsWith("Usage: module show [like keyword]");
    }

    @Test
    void verbositySaysWhatItWasAndIs() {
        int before = PbxLog.verbose();
        try {
            PbxLog.setVerbose(3);
            assertThat(run("core set verbose 5")).isEqualTo("Verbosity was 3 and is now 5\n");
            assertThat(PbxLog.verbose()).isEqualTo(5);
            assertThat(run("core set verbose 5")).isEqualTo("Verbosity is at least 5\n");
            assertThat(run("core set verbose atleast 2")).isEqualTo("Verbosity is at least 5\n");
            assertThat(run("core set verbose off")).isEqualTo("Verbosity is now OFF\n");
            assertThat(run("core set verbose 4 silent")).isEmpty();
            assertThat(PbxLog.verbose()).isEqualTo(4);
            assertThat(run("core set verbose loud")).startsWith("Usage: core set verbose");
        } finally {
            PbxLog.setVerbose(before);
        }
    }

    @Test
    void hangupRequestsReachTheChannel() {
        Channel a = tp.channel("SIP/a");
        Channel b = tp.channel("SIP/b");
        assertThat(run("channel request hangup " + a.name())).isEqualTo("Requested Hangup on channel '" + a.name() + "'\n");
        assertThat(a.isHangupRequested()).isTrue();
        assertThat(b.isHangupRequested()).isFalse();
        assertThat(run("channel request hangup SIP/nobody")).isEqualTo("SIP/nobody is not a known channel\n");
        assertThat(run("channel request hangup all")).contains("Requested Hangup on channel '" + b.name() + "'\n");
        assertThat(b.isHangupRequested()).isTrue();
        assertThat(new CliDispatcher(tp.pbx).complete("channel request hangup SIP/b")).containsExactly(b.name());
    }

    @Test
    void originateToAnUnknownTechnologySaysWhy() {
        assertThat(run("channel originate Nope/1 application NoOp")).startsWith("Unable to originate on 'Nope/1': ");
        assertThat(run("channel originate Nope application NoOp")).isEqualTo("*** No data specified after channel type ***\n");
        assertThat(run("channel originate Local/1@x somewhere")).startsWith("Usage: channel originate <tech/data> application");
    }

    @Test
    void originateRunsTheApplicationOnTheCallOnceItAnswers() {
        tp.dialplan("""
                [phones]
                exten => 100,1,Answer()
                 same => n,Wait(10)
                """);
        try {
            assertThat(run("channel originate Local/100@phones application Wait 10")).isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> tp.pbx.channels().all().stream()
                    .anyMatch(c -> c.name().startsWith("Local/100@phones") && c.name().endsWith(";1") && c.application().equals("Wait")));
            assertThat(run("core show channels")).contains("Wait(10)").contains("2 active channels\n");
        } finally {
            run("channel request hangup all");
        }
    }

    @Test
    void coreStopNowAsksTheOwnerOfThePbx() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        ShutdownRequests.register(tp.pbx, stopped::countDown);
        assertThat(run("core stop now")).isEmpty();
        assertThat(stopped.getCount()).isZero();
        assertThat(run("core stop later")).startsWith("Usage: core stop now|gracefully");
    }

    @Test
    void coreStopGracefullyWaitsForTheLastChannel() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        ShutdownRequests.register(tp.pbx, stopped::countDown);
        Channel c = tp.channel("SIP/busy");
        CountDownLatch waiting = new CountDownLatch(1);
        StringWriter sw = new StringWriter() {
            @Override
            public void flush() {
                if (toString().contains("Waiting for")) waiting.countDown();
            }
        };
        Thread t = Thread.ofVirtual().start(() -> new CliDispatcher(tp.pbx).execute("core stop gracefully", new PrintWriter(sw)));
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stopped.getCount()).as("no stop while a channel is up").isEqualTo(1);
        c.hangup();
        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        t.join();
        assertThat(sw.toString()).isEqualTo("Waiting for 1 channel to hang up before stopping\n");
    }

    @Test
    void withoutAnOwnerCoreStopShutsThePbxDown() {
        run("core stop now");
        assertThat(tp.pbx.isShuttingDown()).isTrue();
    }

    @Test
    void helpListsEveryCommandOrShowsTheUsageOfOne() {
        String all = run("core show help");
        assertThat(all).contains("core show channels             -- Lists currently defined channels and some information about them.\n");
        assertThat(all.lines().count()).isEqualTo(tp.pbx.modules().cliCommands().size());
        assertThat(run("core show help core show uptime")).startsWith("Usage: core show uptime [seconds]\n");
        assertThat(run("core show help dialplan")).startsWith(String.format("%-30s -- %s%n%-30s -- %s%n%-30s -- %s%n",
                "dialplan reload", "Reload extensions.conf without reloading any other modules.", "dialplan show", "Show dialplan",
                "dialplan show globals", "List current global dialplan variables and their values"));
        assertThat(run("core show help dialplan")).doesNotContain("core show");
        assertThat(run("core show help frobnicate")).isEqualTo("No such command 'frobnicate'.\n");
        assertThat(new CliDispatcher(tp.pbx).complete("core show help dialplan sh")).containsExactly("show");
    }
}
