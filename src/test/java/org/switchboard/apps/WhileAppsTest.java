package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/** While, EndWhile, ExitWhile and ContinueWhile, with app_while's bookkeeping variables. */
class WhileAppsTest {
    private static final String LOOP = """
            [ctx]
            exten => s,1,NoOp(start)
             same => n,While(1)
             same => n,Verbose(1,@body)
             same => n,EndWhile()
             same => n,Verbose(1,@after)
            """;

    private TestPbx t;

    @BeforeEach
    void start() { t = new TestPbx(); }

    @AfterEach
    void stop() { t.close(); }

    private Channel run(String dialplan) { return t.runDialplan(dialplan, "Test/while", "ctx", "s"); }

    private List<String> path() { return t.path(); }

    @Test
    void aFalseConditionSkipsTheLoop() {
        Channel c = run("""
                [ctx]
                exten => s,1,While(0)
                 same => n,Verbose(1,@never)
                 same => n,EndWhile()
                 same => n,Verbose(1,@after)
                """);
        assertThat(path()).containsExactly("@after");
        assertThat(t.log).contains("    -- Jumping to priority 3");
        assertThat(c.getVar("WHILE_0")).isNull();
        assertThat(c.getVar("ctx_s_1")).isNull();
    }

    @Test
    void anEmptyConditionIsFalse() {
        run("""
                [ctx]
                exten => s,1,While()
                 same => n,Verbose(1,@never)
                 same => n,EndWhile()
                 same => n,Verbose(1,@after)
                """);
        assertThat(path()).containsExactly("@after");
    }

    @Test
    void theAlgorithmStepByStep() {
        assertThat(t.dialplan(LOOP)).isEmpty();
        Channel c = t.channel("Test/while");
        c.setLocation("ctx", "s", 2);
        t.pbx.execute(c, "While", "1");
        assertThat(c.getVar("WHILE_0")).isEqualTo("ctx,s,2");
        assertThat(c.getVar("ctx_s_2")).isEqualTo("0");
        assertThat(c.priority()).isEqualTo(2);   // no jump: the body runs next

        c.setLocation("ctx", "s", 4);
        t.pbx.execute(c, "EndWhile", "");
        assertThat(c.getVar("END_WHILE_0")).isEqualTo("ctx,s,5");
        assertThat(c.priority()).isEqualTo(2);   // back to the While

        t.pbx.execute(c, "While", "1");          // still true: the body again
        assertThat(c.priority()).isEqualTo(2);
        assertThat(c.getVar("WHILE_0")).isEqualTo("ctx,s,2");

        t.pbx.execute(c, "While", "0");          // false: after the EndWhile, all cleaned up
        assertThat(c.priority()).isEqualTo(5);
        assertThat(c.getVar("WHILE_0")).isNull();
        assertThat(c.getVar("END_WHILE_0")).isNull();
        assertThat(c.getVar("ctx_s_2")).isNull();
    }

    @Test
    void continueWhileGoesBackToTheInnermostWhile() {
        assertThat(t.dialplan(LOOP)).isEmpty();
        Channel c = t.channel("Test/while");
        c.setLocation("ctx", "s", 2);
        t.pbx.execute(c, "While", "1");
        c.setLocation("ctx", "s", 3);
        t.pbx.execute(c, "ContinueWhile", "");
        assertThat(c.priority()).isEqualTo(2);
    }

    @Test
    void continueWhileAndEndWhileWithoutALoopDoNothing() {
        run("""
                [ctx]
                exten => s,1,ContinueWhile()
                 same => n,EndWhile()
                 same => n,Verbose(1,@goes-on)
                """);
        assertThat(path()).containsExactly("@goes-on");
    }

    @Test
    void exitWhileLeavesTheLoopBeforeItsFirstEndWhile() {
        run("""
                [ctx]
                exten => s,1,While(1)
                 same => n,Verbose(1,@body)
                 same => n,ExitWhile()
                 same => n,Verbose(1,@never)
                 same => n,EndWhile()
                 same => n,Verbose(1,@after)
                """);
        assertThat(path()).containsExactly("@body", "@after");
    }

    @Test
    void nestedLoopsEachFindTheirOwnEndWhile() {
        Channel c = run("""
                [ctx]
                exten => s,1,While(1)
                 same => n,While(0)
                 same => n,Verbose(1,@inner-never)
                 same => n,EndWhile()
                 same => n,Verbose(1,@outer-body)
                 same => n,ExecIf(1?ExitWhile())
                 same => n,Verbose(1,@never)
                 same => n,EndWhile()
                 same => n,Verbose(1,@after)
                """);
        assertThat(path()).containsExactly("@outer-body", "@after");
        assertThat(c.getVar("WHILE_0")).isNull();
        assertThat(c.getVar("WHILE_1")).isNull();
    }

    @Test
    void aFalseOuterLoopSkipsOverItsInnerLoop() {
        run("""
                [ctx]
                exten => s,1,While(0)
                 same => n,While(1)
                 same => n,Verbose(1,@never)
                 same => n,EndWhile()
                 same => n,Verbose(1,@never)
                 same => n,EndWhile()
                 same => n,Verbose(1,@after)
                """);
        assertThat(path()).containsExactly("@after");
        assertThat(t.log).contains("    -- Jumping to priority 6");
    }

    @Test
    void whileWithoutEndWhileWarnsAndGoesOn() {
        run("""
                [ctx]
                exten => s,1,While(0)
                 same => n,Verbose(1,@runs-anyway)
                """);
        assertThat(t.logLines("Couldn't find matching EndWhile? (While at ctx@s priority 1)")).hasSize(1);
        assertThat(path()).containsExactly("@runs-anyway");
    }

    @Test
    void aCountingLoop() {
        // needs the ${}/$[] substitution engine
        Channel c = run("""
                [ctx]
                exten => s,1,Set(i=0)
                 same => n,While($[${i} < 3])
                 same => n,Set(i=$[${i} + 1])
                 same => n,Verbose(1,@pass ${i})
                 same => n,EndWhile()
                 same => n,Verbose(1,@done)
                """);
        assertThat(path()).containsExactly("@pass 1", "@pass 2", "@pass 3", "@done");
        assertThat(c.getVar("i")).isEqualTo("3");
    }

    @Test
    void continueAndExitInACountingLoop() {
        // needs the ${}/$[] substitution engine
        run("""
                [ctx]
                exten => s,1,Set(i=0)
                 same => n,While(1)
                 same => n,Set(i=$[${i} + 1])
                 same => n,ExecIf($[${i} = 2]?ContinueWhile())
                 same => n,ExecIf($[${i} = 4]?ExitWhile())
                 same => n,Verbose(1,@pass ${i})
                 same => n,EndWhile()
                 same => n,Verbose(1,@done)
                """);
        assertThat(path()).containsExactly("@pass 1", "@pass 3", "@done");
    }
}
