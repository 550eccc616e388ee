package org.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Application;
import org.switchboard.core.Modules;
import org.switchboard.core.Pbx;
import org.switchboard.res.cli.CliServer;
import picocli.CommandLine;

/** The command line, run in-process with its output captured. */
class MainTest {
    @TempDir
    Path dir;

    /** What one run of the command line printed and returned. */
    record Result(int exit, String out, String err) {}

    static Result main(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Path confDir(String extensions) throws Exception {
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf);
        Files.writeString(conf.resolve("asterisk.conf"), "[directories]\nastrundir => " + dir.resolve("run") + "\n");
        Files.writeString(conf.resolve("extensions.conf"), extensions);
        return conf;
    }

    @Test
    void versionAndUsage() {
        assertThat(main("--version")).isEqualTo(new Result(0, Pbx.VERSION + "\n", ""));
        Result none = main();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("Usage: switchboard").contains("run").contains("eval").contains("check");
    }

    @Test
    void evalPrintsTextThatNeedsNoSubstitution() {
        Result r = main("eval", "hello, world");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("hello, world\n");
        assertThat(r.err()).as("start-up chatter stays out of eval").isEmpty();
    }

    @Test
    void evalRunsFunctions() {
        assertThat(main("eval", "${LEN(abc)}").out()).isEqualTo("3\n");
    }

    @Test
    void evalSetsVariablesAndRunsApplicationsInOrder() {
        Result r = main("eval", "-v", "FOO=bar", "-v", "N=a=b", "-e", "Set(X=${FOO}1)", "-e", "Set(Y=${X}2)", "${FOO}|${N}|${X}|${Y}");
        assertThat(r.err()).doesNotContain("pbx.c").doesNotContain("ready.");
        assertThat(r).extracting(Result::exit, Result::out).containsExactly(0, "bar|a=b|bar1|bar12\n");
    }

    @Test
    void evalSeesTheGlobalsOfAConfigDirectory() throws Exception {
        Path conf = confDir("[globals]\nGREETING=hi there\n");
        assertThat(main("eval", "-C", conf.toString(), "${GREETING}!").out()).isEqualTo("hi there!\n");
    }

    @Test
    void evalFailsOnAnUnknownApplicationOrAnUnreadableDirectory() {
        Result r = main("eval", "-e", "Frobnicate(1)", "x");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("No application 'Frobnicate' (from -e 'Frobnicate(1)')");
        Result d = main("eval", "-C", dir.resolve("missing").toString(), "x");
        assertThat(d.exit()).isEqualTo(1);
        assertThat(d.err()).contains("Unable to read config directory " + dir.resolve("missing"));
        assertThat(main("eval", "-v", "NOVALUE", "x").exit()).isEqualTo(2);
    }

    @Test
    void checkPrintsEachProblemWithFileAndLineAndFails() throws Exception {
        Path conf = confDir("[phones]\nexten => 100,1,Answer()\nexten => 100\nexten => 101,1,NoOp()\n");
        Result r = main("check", "-C", conf.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^extensions.conf:3: .+$")
                .contains("2 files checked in " + conf + ": 1 problem, 0 warnings\n");
    }

    @Test
    void checkFindsProblemsInEveryConfigFile() throws Exception {
        Path conf = confDir("[phones]\nexten => 100,1,NoOp()\n");
        Files.writeString(conf.resolve("sip.conf"), "[general]\nbindport=5060\n[unclosed\n");
        Result r = main("-C", conf.toString(), "check");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^sip.conf:3: .+$").contains("3 files checked");
    }

    @Test
    void unknownApplicationsAreWarningsThatDoNotFailTheCheck() throws Exception {
        Path conf = confDir("[phones]\nexten => 100,1,NoOp()\n same => n,Frobnicate(1)\n same => n,frobnicate(2)\nexten => 100,hint,SIP/100\n");
        Result r = main("check", "-C", conf.toString());
        assertThat(r.out()).isEqualTo("extensions.conf:3: warning: application 'Frobnicate' is not loaded\n"
                + "extensions.conf:4: warning: application 'frobnicate' is not loaded\n"
                + "2 files checked in " + conf + ": 0 problems, 2 warnings (warnings do not fail the check)\n");
        assertThat(r.exit()).isZero();
    }

    @Test
    void checkLooksInsideExecIfAndGotoIfAndWarnsAboutFunctionsAndMissingIncludes() throws Exception {
        Path conf = confDir("""
                [phones]
                include => nowhere
                exten => 100,1,Set(x=${NOSUCHFUNC(1)}${LEN(ok)})
                 same => n,Set(NOWRITE(a)=1)
                 same => n,ExecIf($[1]?Frobnicate(1):NoOp(2))
                 same => n,ExecIf($[1]?NoOp(1):Twiddle(2))
                 same => n,Exec(Wobble(3))
                 same => n,GotoIf($[1]?there:nolabel)
                 same => n(there),GotoIf($[1]?other,1:${DYNAMIC})
                 same => n,GotoIf($[1]?nocontext,s,1)
                exten => other,1,NoOp()
                """);
        Result r = main("check", "-C", conf.toString());
        assertThat(r.out()).isEqualTo("""
                extensions.conf:2: Context 'phones' tries to include nonexistent context 'nowhere'
                extensions.conf:3: warning: function 'NOSUCHFUNC' is not loaded
                extensions.conf:4: warning: function 'NOWRITE' is not loaded
                extensions.conf:5: warning: application 'Frobnicate' is not loaded (called by ExecIf)
                extensions.conf:6: warning: application 'Twiddle' is not loaded (called by ExecIf)
                extensions.conf:7: warning: application 'Wobble' is not loaded (called by Exec)
                extensions.conf:8: warning: GotoIf target 'nolabel' names no priority (context 'phones', extension '100')
                extensions.conf:10: warning: GotoIf target 'nocontext,s,1': no context 'nocontext'
                2 files checked in %s: 0 problems, 8 warnings (warnings do not fail the check)
                """.formatted(conf));
        assertThat(r.exit()).isZero();
    }

    @Test
    void includedFragmentsAreCheckedThroughTheirIncluderAndModulesValidateTheirOwnFiles() throws Exception {
        Path conf = confDir("[phones]\nexten => 100,1,NoOp()\n#include extensions_custom.conf\n");
        Files.writeString(conf.resolve("extensions_custom.conf"), "exten => 101,1,NoOp()\nexten => 102\n");
        Files.writeString(conf.resolve("sip.conf"), "[general]\nqualifyfreq=often\n");
        Result r = main("check", "-C", conf.toString());
        assertThat(r.out().lines().filter(l -> l.startsWith("extensions_custom.conf:2:"))).hasSize(1); // once, via extensions.conf
        assertThat(r.out()).containsPattern("(?m)^sip.conf:2: .*qualifyfreq.*$")
                .contains("4 files checked in " + conf + ": 2 problems");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void checkRunsTheValidatorsOfTheModulesModulesConfLoadsOnly() throws Exception {
        Path conf = confDir("[phones]\nexten => 100,1,NoOp()\n");
        Files.writeString(conf.resolve("sip.conf"), "[general]\nqualifyfreq=often\n");
        Files.writeString(conf.resolve("modules.conf"), "[modules]\nautoload=yes\nnoload => chan_sip.so\n");
        Result off = main("check", "-C", conf.toString());
        assertThat(off.out()).doesNotContain("qualifyfreq").contains("4 files checked in " + conf + ": 0 problems");
        assertThat(off.exit()).isZero();

        Files.writeString(conf.resolve("modules.conf"), "[modules]\nautoload=no\nload => chan_sip.so\n");
        Result on = main("check", "-C", conf.toString());
        assertThat(on.out()).containsPattern("(?m)^sip.conf:2: .*qualifyfreq.*$").contains(": 1 problem,");
        assertThat(on.exit()).isEqualTo(1);
    }

    @Test
    void shellStyleFilesAreLeftAloneAndASwitchIsAWarningAsInAsterisksSamples() throws Exception {
        Path conf = confDir("[phones]\nswitch => DUNDi/e164\nexten => 100,1,NoOp()\n");
        Files.writeString(conf.resolve("dbsep.conf"), "# the dbsep CGI reads this\ndsn=somedsn\n");
        Files.writeString(conf.resolve("musiconhold.conf"), "#include \"moh_custom.conf\"\n[default]\nmode=files\n");
        Files.writeString(conf.resolve("moh_custom.conf"), "");
        Result r = main("check", "-C", conf.toString());
        assertThat(r.out()).isEqualTo("""
                extensions.conf:2: switch => DUNDi/e164 is not supported (no switch modules); the line is ignored
                not in Asterisk's config syntax, left alone: dbsep.conf
                4 files checked in %s: 0 problems, 1 warning (warnings do not fail the check)
                """.formatted(conf));
        assertThat(r.exit()).isZero();
    }

    @Test
    void applicationsOfModulesThatModulesConfLeavesOutAreNotLoaded() throws Exception {
        Path conf = confDir("[phones]\nexten => 100,1,Echo()\n");
        assertThat(main("check", "-C", conf.toString()).out()).doesNotContain("warning: application");
        Files.writeString(conf.resolve("modules.conf"), "[modules]\nautoload=yes\nnoload => app_echo.so\n");
        Result r = main("check", "-C", conf.toString());
        assertThat(r.out()).contains("extensions.conf:2: warning: application 'Echo' is not loaded\n");
        assertThat(r.exit()).isZero();
    }

    @Test
    void theShippedConfigurationPassesTheCheck() {
        Result r = main("check", "-C", "conf");
        assertThat(r.out()).contains("0 problems");
        assertThat(r.exit()).isZero();
    }

    @Test
    void theSharedExamplesPassTheCheck() {
        // shared/ sits beside the repository (../shared), as on the developers' machines and in CI
        Path examples = Path.of("../shared/examples");
        assumeThat(Files.isDirectory(examples)).as("the shared examples are beside the repository").isTrue();
        Result r = main("check", "-C", examples.toString());
        assertThat(r.out().lines().filter(l -> l.contains(".conf:"))).allMatch(l -> l.matches("\\S+\\.conf:\\d+: warning: application '\\w+' is not loaded"));
        assertThat(r.out()).containsPattern("\\d+ files checked in " + java.util.regex.Pattern.quote(examples.toAbsolutePath().normalize().toString()) + ": 0 problems");
        assertThat(r.exit()).isZero();
    }

    @Test
    void checkOnAMissingDirectoryFails() {
        Result r = main("check", "-C", dir.resolve("nope").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Unable to read config directory " + dir.resolve("nope") + "\n");
    }

    @Test
    void remoteCommandsWithoutARunningPbxSayWhere() throws Exception {
        Path conf = confDir("");
        Result r = main("-C", conf.toString(), "-rx", "core show version");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Unable to connect to remote switchboard (does " + dir.resolve("run").resolve("switchboard.ctl")
                + " exist?)\n");
    }

    @Test
    void runServesRemoteCommandsUntilCoreStopNow() throws Exception {
        Path conf = confDir("[phones]\nexten => 100,1,Answer()\n");
        Path socket = dir.resolve("run").resolve("switchboard.ctl");
        StringWriter runOut = new StringWriter();
        AtomicInteger runExit = new AtomicInteger(-1);
        Thread pbx = Thread.ofVirtual().start(() -> runExit.set(new CommandLine(new Main())
                .setOut(new PrintWriter(runOut, true)).setErr(new PrintWriter(runOut, true)).execute("run", "-C", conf.toString())));
        await().atMost(Duration.ofSeconds(10)).until(() -> runOut.toString().contains(Pbx.VERSION + " ready."));
        assertThat(CliServer.isAlive(socket)).isTrue();

        Result version = main("-C", conf.toString(), "-rx", "core show version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith(Pbx.VERSION + " running on Java ");
        assertThat(main("-C", conf.toString(), "-rx", "dialplan show phones").out()).contains("  '100' =>          1. Answer()");

        Result second = main("run", "-C", conf.toString());
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.err()).contains("Switchboard is already running on " + socket);

        assertThat(main("-C", conf.toString(), "-rx", "core stop now").exit()).isZero();
        pbx.join(10_000);
        assertThat(runExit.get()).isZero();
        assertThat(runOut.toString()).startsWith(Pbx.VERSION + ", a PBX that runs Asterisk configuration")
                .contains("Switchboard cleanly ending (0).");
        assertThat(socket).doesNotExist();
    }
}
