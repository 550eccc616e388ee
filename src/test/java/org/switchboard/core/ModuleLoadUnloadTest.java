package org.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.res.cli.CliDispatcher;
import org.switchboard.testing.TestPbx;

/** module unload / module load on the console: what a module provides goes away and comes back. */
class ModuleLoadUnloadTest {
    private TestPbx t;
    private CliDispatcher cli;

    @BeforeEach
    void start() {
        t = new TestPbx();
        cli = new CliDispatcher(t.pbx);
    }

    @AfterEach
    void stop() { t.close(); }

    private String run(String line) {
        StringWriter w = new StringWriter();
        try (PrintWriter out = new PrintWriter(w)) {
            cli.execute(line, out);
        }
        return w.toString();
    }

    @Test
    void unloadingATechnologyMakesDialFailAsForAMissingOneAndLoadingBringsItBack() {
        t.dialplan("""
                [x]
                exten => s,1,Dial(Local/1@y,5)
                 same => n,Verbose(1,status ${DIALSTATUS})
                [y]
                exten => 1,1,Busy(1)
                """);
        assertThat(run("module unload chan_local.so")).isEqualTo("Unloaded chan_local\n");
        assertThat(t.pbx.modules().state("chan_local").status()).isEqualTo(ModuleState.Status.NOT_LOADED);
        Channel c = t.channel("Test/a");
        c.setLocation("x", "s", 1);
        t.pbx.runPbx(c);
        assertThat(t.said("Unable to create channel of type 'Local' (cause 66 - Channel not implemented)")).hasSize(1);
        assertThat(t.said(" status CHANUNAVAIL")).hasSize(1);

        assertThat(run("module load chan_local")).isEqualTo("Loaded chan_local\n");
        Channel d = t.channel("Test/b");
        d.setLocation("x", "s", 1);
        t.pbx.runPbx(d);
        assertThat(t.said(" status BUSY")).hasSize(1);
    }

    @Test
    void anApplicationOfAnUnloadedModuleIsNoApplicationAndComesBackWithItsModule() {
        t.dialplan("""
                [x]
                exten => s,1,UserEvent(Ping)
                 same => n,Verbose(1,after the event)
                """);
        assertThat(run("core show applications like UserEvent")).contains(" UserEvent: ");
        assertThat(run("module unload app_userevent")).isEqualTo("Unloaded app_userevent\n");
        assertThat(run("core show applications like UserEvent")).doesNotContain(" UserEvent: ").contains("-= 1 Applications Matching =-");
        assertThat(run("core show application UserEvent")).contains("Your application(s) is (are) not registered");
        Channel c = t.channel("Test/a");
        c.setLocation("x", "s", 1);
        t.pbx.runPbx(c);
        assertThat(t.said("No application 'UserEvent' for extension (x, s, 1)")).hasSize(1);
        assertThat(t.said("after the event")).isEmpty();

        assertThat(run("module load app_userevent.so")).isEqualTo("Loaded app_userevent\n");
        assertThat(run("core show applications like UserEvent")).contains(" UserEvent: ");
        Channel d = t.channel("Test/b");
        d.setLocation("x", "s", 1);
        t.pbx.runPbx(d);
        assertThat(t.said("after the event")).hasSize(1);
    }

    @Test
    void unloadingAModuleTakesItsFunctionsAndCommandsButNothingElse() {
        int apps = t.pbx.modules().applications().size();
        assertThat(t.eval("${TOUPPER(abc)}-${LEN(abcd)}")).isEqualTo("ABC-4");
        assertThat(run("module unload func_strings")).isEqualTo("Unloaded func_strings\n");
        assertThat(t.eval("${TOUPPER(abc)}")).isEmpty();
        assertThat(t.said("Function TOUPPER not registered")).hasSize(1);
        assertThat(t.pbx.modules().applications()).hasSize(apps);
        assertThat(run("module load func_strings")).isEqualTo("Loaded func_strings\n");
        assertThat(t.eval("${TOUPPER(abc)}")).isEqualTo("ABC");

        assertThat(run("dialplan show")).doesNotContain("No such command");
        assertThat(run("module unload pbx_config")).isEqualTo("Unloaded pbx_config\n");
        assertThat(run("dialplan show")).contains("No such command 'dialplan show'");
        assertThat(run("module load pbx_config")).isEqualTo("Loaded pbx_config\n");
        assertThat(run("dialplan show")).doesNotContain("No such command");
    }

    @Test
    void badRequestsSaySoAndChangeNothing() {
        assertThat(run("module unload core")).contains("part of the core");
        assertThat(run("module unload app_nothing")).contains("no such module");
        assertThat(run("module load app_dial")).isEqualTo("Module app_dial is already running\n");
        assertThat(run("module load app_nothing")).contains("no such module");
        assertThat(t.pbx.modules().application("Dial")).isNotNull();
    }
}
