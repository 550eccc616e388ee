package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/** Exec, TryExec and ExecIf. */
class ExecAppsTest {
    private TestPbx t;

    @BeforeEach
    void start() { t = new TestPbx(); }

    @AfterEach
    void stop() { t.close(); }

    private Channel run(String dialplan) { return t.runDialplan(dialplan, "Test/exec", "ctx", "s"); }

    private List<String> path() { return t.path(); }

    @Test
    void execRunsTheNamedApplication() {
        run("""
                [ctx]
                exten => s,1,Exec(Verbose(1,@hello, world))
                 same => n,Exec(NoOp)
                 same => n,Exec()
                 same => n,Exec(Goto(there))
                 same => n,Verbose(1,@skipped)
                 same => n(there),Verbose(1,@there)
                """);
        assertThat(path()).containsExactly("@hello, world", "@there");
    }

    @Test
    void execOfAnUnknownApplicationEndsTheCall() {
        run("""
                [ctx]
                exten => s,1,Exec(NoSuchApp(x))
                 same => n,Verbose(1,@never)
                exten => h,1,Verbose(1,@h)
                """);
        assertThat(t.logLines("Could not find application (NoSuchApp)")).hasSize(1);
        assertThat(path()).containsExactly("@h");
    }

    @Test
    void execPassesOnAHangup() {
        run("""
                [ctx]
                exten => s,1,Exec(Hangup())
                 same => n,Verbose(1,@never)
                """);
        assertThat(path()).isEmpty();
    }

    @Test
    void tryExecAlwaysGoesOnAndSaysWhatHappened() {
        Channel c = t.channel("Test/exec");
        assertThat(t.pbx.execute(c, "TryExec", "NoOp(x)")).isEqualTo(Application.Result.CONTINUE);
        assertThat(c.getVar("TRYSTATUS")).isEqualTo("SUCCESS");
        assertThat(t.pbx.execute(c, "TryExec", "NoSuchApp(x)")).isEqualTo(Application.Result.CONTINUE);
        assertThat(c.getVar("TRYSTATUS")).isEqualTo("NOAPP");
        assertThat(t.logLines("Could not find application (NoSuchApp)")).hasSize(1);
        assertThat(t.pbx.execute(c, "TryExec", "Goto()")).isEqualTo(Application.Result.CONTINUE);
        assertThat(c.getVar("TRYSTATUS")).isEqualTo("FAILED");
    }

    @Test
    void tryExecOfHangupStillEndsTheCallAfterwards() {
        Channel c = run("""
                [ctx]
                exten => s,1,TryExec(Hangup())
                 same => n,Verbose(1,@never)
                """);
        assertThat(c.getVar("TRYSTATUS")).isEqualTo("FAILED");
        assertThat(path()).isEmpty();
    }

    @Test
    void execIfChoosesBetweenTwoApplications() {
        run("""
                [ctx]
                exten => s,1,ExecIf(1?Verbose(1,@true):Verbose(1,@false))
                 same => n,ExecIf(0?Verbose(1,@true):Verbose(1,@false))
                 same => n,ExecIf(0?Verbose(1,@never))
                 same => n,ExecIf(1?Verbose(1,@a:b, c):Verbose(1,@never))
                 same => n,ExecIf(0?Verbose(1,@never):Verbose(1,@c?d))
                """);
        assertThat(path()).containsExactly("@true", "@false", "@a:b, c", "@c?d");
    }

    @Test
    void execIfOldSyntaxStillWorksWithAWarning() {
        run("""
                [ctx]
                exten => s,1,ExecIf(1,Verbose,1,@old)
                """);
        assertThat(path()).containsExactly("@old");
        assertThat(t.logLines("Deprecated syntax found.  Please upgrade to using ExecIf(<expr>?Verbose(1,@old))")).hasSize(1);
    }

    @Test
    void execIfBadInput() {
        run("""
                [ctx]
                exten => s,1,ExecIf(0?NoSuchApp(x))
                 same => n,Verbose(1,@false-unknown-app-is-fine)
                 same => n,ExecIf(1?NoSuchApp(x))
                 same => n,Verbose(1,@never)
                exten => t,1,ExecIf(1?)
                 same => n,Verbose(1,@never)
                """);
        Channel c2 = t.channel("Test/exec");
        c2.setLocation("ctx", "t", 1);
        t.pbx.runPbx(c2);
        assertThat(path()).containsExactly("@false-unknown-app-is-fine");
        assertThat(t.logLines("Could not find application! (NoSuchApp)")).hasSize(1);
        assertThat(t.logLines("Usage: ExecIf(<expr>?<appiftrue>(<args>)[:<appiffalse>(<args)])")).hasSize(1);
    }

    @Test
    void execSubstitutesItsArgumentsOnceMore() {
        // needs the ${}/$[] substitution engine: Exec expands what it is given once more
        Channel c = t.channel("Test/exec");
        c.setVar("X", "twice");
        t.pbx.execute(c, "Exec", "Verbose(1,@${X})");
        assertThat(path()).containsExactly("@twice");
    }
}
