package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/** Macro and MacroExit: the macro runs on the caller's thread and hands the call back. */
class MacroAppTest {
    private TestPbx t;
    private final Map<String, String> varSets = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        t = new TestPbx();
        t.pbx.events().subscribe(e -> {
            if (e.name().equals("VarSet")) varSets.merge(e.get("Variable"), e.get("Value"), (a, b) -> a + "|" + b);
        });
    }

    @AfterEach
    void stop() { t.close(); }

    private Channel run(String dialplan) { return t.runDialplan(dialplan, "Test/macro", "main", "s"); }

    private List<String> path() { return t.path(); }

    @Test
    void macroRunsItsContextAndComesBack() {
        Channel c = run("""
                [main]
                exten => s,1,Macro(greet,a,b c)
                 same => n,Verbose(1,@after)
                [macro-greet]
                exten => s,1,Verbose(1,@in-macro)
                 same => n,NoOp()
                """);
        assertThat(path()).containsExactly("@in-macro", "@after");
        assertThat(t.log).contains("    -- Executing [s@macro-greet:1] Verbose(\"" + c.name() + "\", \"1,@in-macro\") in new stack");
        assertThat(varSets).containsEntry("ARG1", "a").containsEntry("ARG2", "b c")
                .containsEntry("MACRO_EXTEN", "s").containsEntry("MACRO_CONTEXT", "main").containsEntry("MACRO_PRIORITY", "1");
        assertThat(c.getVar("ARG1")).isNull();
        assertThat(c.getVar("MACRO_CONTEXT")).isNull();
        assertThat(c.getVar("MACRO_DEPTH")).isEqualTo("0");
    }

    @Test
    void macroExitLeavesEarly() {
        run("""
                [main]
                exten => s,1,Macro(m)
                 same => n,Verbose(1,@after)
                [macro-m]
                exten => s,1,Verbose(1,@one)
                 same => n,MacroExit()
                 same => n,Verbose(1,@never)
                """);
        assertThat(path()).containsExactly("@one", "@after");
    }

    @Test
    void macroExitOutsideAMacroEndsTheCall() {
        run("""
                [main]
                exten => s,1,MacroExit()
                 same => n,Verbose(1,@never)
                """);
        assertThat(path()).isEmpty();
        assertThat(t.logLines("Spawn extension (main, s, 1) exited non-zero")).hasSize(1);
    }

    @Test
    void gotoOutOfTheMacroContinuesAtTheTarget() {
        Channel c = run("""
                [main]
                exten => s,1,Macro(m)
                 same => n,Verbose(1,@never)
                exten => elsewhere,1,Verbose(1,@elsewhere)
                [macro-m]
                exten => s,1,Goto(main,elsewhere,1)
                """);
        assertThat(path()).containsExactly("@elsewhere");
        assertThat(t.logLines("jumping out of macro 'm'")).hasSize(1);
        assertThat(c.exten()).isEqualTo("elsewhere");
    }

    @Test
    void gotoInsideTheMacroStaysInTheMacro() {
        run("""
                [main]
                exten => s,1,Macro(m)
                 same => n,Verbose(1,@after)
                [macro-m]
                exten => s,1,Goto(2,1)
                exten => 2,1,Verbose(1,@two)
                """);
        assertThat(path()).containsExactly("@two", "@after");
    }

    @Test
    void macroOffsetSkipsPriorities() {
        run("""
                [main]
                exten => s,1,Macro(m)
                 same => n,Verbose(1,@skipped)
                 same => n,Verbose(1,@offset)
                [macro-m]
                exten => s,1,Set(MACRO_OFFSET=1)
                """);
        assertThat(path()).containsExactly("@offset");
    }

    @Test
    void macroOffsetToAMissingPriorityIsIgnored() {
        run("""
                [main]
                exten => s,1,Macro(m)
                 same => n,Verbose(1,@next)
                [macro-m]
                exten => s,1,Set(MACRO_OFFSET=50)
                """);
        assertThat(path()).containsExactly("@next");
    }

    @Test
    void gosubInsideAMacroReturnsIntoTheMacro() {
        run("""
                [main]
                exten => s,1,Macro(m)
                 same => n,Verbose(1,@after)
                [macro-m]
                exten => s,1,Gosub(subs,x,1)
                 same => n,Verbose(1,@macro-again)
                [subs]
                exten => x,1,Verbose(1,@in-sub)
                 same => n,Return()
                """);
        assertThat(path()).containsExactly("@in-sub", "@macro-again", "@after");
    }

    @Test
    void macrosNestUpToTheRecursionLimit() {
        run("""
                [main]
                exten => s,1,Macro(loop)
                 same => n,Verbose(1,@after)
                [macro-loop]
                exten => s,1,Verbose(1,@level)
                 same => n,Macro(loop)
                """);
        assertThat(path()).filteredOn("@level"::equals).hasSize(7);
        assertThat(path()).endsWith("@after");
        assertThat(t.logLines("Macro():  possible infinite loop detected.  Returning early.")).hasSize(1);
    }

    @Test
    void hangupInsideAMacroRunsTheCallersHExtension() {
        Channel c = run("""
                [main]
                exten => s,1,Macro(m)
                 same => n,Verbose(1,@never)
                exten => h,1,Verbose(1,@h-in-main)
                [macro-m]
                exten => s,1,Hangup(17)
                exten => h,1,Verbose(1,@h-in-macro)
                """);
        assertThat(path()).containsExactly("@h-in-main");
        assertThat(t.logLines("exited non-zero on '" + c.name() + "' in macro 'm'")).hasSize(1);
        assertThat(c.hangupCause()).isEqualTo(17);
    }

    @Test
    void badMacroCallsAreWarnings() {
        run("""
                [main]
                exten => s,1,Macro(nope)
                 same => n,Macro(,x)
                 same => n,Macro(nos)
                 same => n,Verbose(1,@goes-on)
                 same => n,Macro()
                 same => n,Verbose(1,@never)
                [macro-nos]
                exten => other,1,NoOp()
                """);
        assertThat(t.logLines("No such context 'macro-nope' for macro 'nope'. Was called by s@main")).hasSize(1);
        assertThat(t.logLines("Invalid macro name specified")).hasSize(1);
        assertThat(t.logLines("Context 'macro-nos' for macro 'nos' lacks 's' extension, priority 1")).hasSize(1);
        assertThat(t.logLines("Macro() requires arguments.")).hasSize(1);
        assertThat(path()).containsExactly("@goes-on");
    }

    @Test
    void macroArgumentsReadWithSubstitution() {
        // needs the ${}/$[] substitution engine
        run("""
                [main]
                exten => s,1,Macro(show,x,y)
                [macro-show]
                exten => s,1,Verbose(1,@${ARG1}-${ARG2} from ${MACRO_CONTEXT})
                """);
        assertThat(path()).containsExactly("@x-y from main");
    }
}
