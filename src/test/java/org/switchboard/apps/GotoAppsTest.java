package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/** Goto, GotoIf, GotoIfTime and ExecIfTime: the path a call takes, seen in its Verbose lines. */
class GotoAppsTest {
    private TestPbx t;

    @BeforeEach
    void start() { t = new TestPbx(); }

    @AfterEach
    void stop() { t.close(); }

    private Channel run(String dialplan, String context, String exten) {
        return t.runDialplan(dialplan, "Test/goto", context, exten);
    }

    private List<String> path() { return t.path(); }

    @Test
    void gotoTakesPriorityExtensionAndContextForms() {
        Channel c = run("""
                [main]
                exten => s,1,Goto(3)
                 same => n,Verbose(1,@skipped)
                 same => n,Verbose(1,@s3)
                 same => n,Goto(100,1)
                exten => 100,1,Verbose(1,@100)
                 same => n,Goto(other,200,1)
                [other]
                exten => 200,1,Verbose(1,@other-200)
                """, "main", "s");
        assertThat(path()).containsExactly("@s3", "@100", "@other-200");
        assertThat(t.log).contains("    -- Goto (main,s,3)", "    -- Goto (main,100,1)", "    -- Goto (other,200,1)");
        assertThat(c.context()).isEqualTo("other");
    }

    @Test
    void gotoFindsLabelsInTheTargetExtension() {
        run("""
                [main]
                exten => s,1,Goto(200,there)
                 same => n(here),Verbose(1,@wrong)
                exten => 200,1,Verbose(1,@200-1)
                 same => n(there),Verbose(1,@200-there)
                """, "main", "s");
        assertThat(path()).containsExactly("@200-there");
    }

    @Test
    void gotoRelativePriorities() {
        run("""
                [main]
                exten => s,1,Goto(+3)
                 same => n,Verbose(1,@2)
                 same => n,Goto(x,1)
                 same => n,Verbose(1,@4)
                 same => n,Goto(-3)
                exten => x,1,Verbose(1,@x)
                """, "main", "s");
        assertThat(path()).containsExactly("@4", "@2", "@x");
    }

    @Test
    void gotoNowhereGoesToTheInvalidExtension() {
        Channel c = run("""
                [main]
                exten => s,1,Goto(nosuch,1)
                 same => n,Verbose(1,@never)
                exten => i,1,Verbose(1,@invalid)
                """, "main", "s");
        assertThat(path()).containsExactly("@invalid");
        assertThat(c.getVar("INVALID_EXTEN")).isEqualTo("nosuch");
    }

    @Test
    void gotoIntoAMissingContextEndsTheCallWithAWarning() {
        run("""
                [main]
                exten => s,1,Goto(nowhere,s,1)
                 same => n,Verbose(1,@never)
                """, "main", "s");
        assertThat(path()).isEmpty();
        assertThat(t.logLines("sent to invalid extension but no invalid handler")).hasSize(1);
    }

    @Test
    void gotoWithoutArgumentWarnsAndHangsUp() {
        run("""
                [main]
                exten => s,1,Goto()
                 same => n,Verbose(1,@never)
                exten => h,1,Verbose(1,@h)
                """, "main", "s");
        assertThat(t.logLines("WARNING")).anyMatch(l -> l.contains("Goto requires an argument ([[context,]extension,]priority)"));
        assertThat(path()).containsExactly("@h");
    }

    @Test
    void gotoToAnUnknownLabelWarnsAndHangsUp() {
        run("""
                [main]
                exten => s,1,Goto(nolabel)
                 same => n,Verbose(1,@never)
                """, "main", "s");
        assertThat(t.logLines("Priority 'nolabel' must be a number > 0, or valid label")).hasSize(1);
        assertThat(t.logLines("Spawn extension (main, s, 1) exited non-zero")).hasSize(1);
        assertThat(path()).isEmpty();
    }

    @Test
    void gotoIfTakesTheBranchOfALiteralCondition() {
        run("""
                [main]
                exten => s,1,GotoIf(1?yes,1:no,1)
                exten => yes,1,Verbose(1,@yes)
                 same => n,GotoIf(0?wrong,1:no,1)
                exten => no,1,Verbose(1,@no)
                 same => n,GotoIf(text?t1)
                 same => n,Verbose(1,@never)
                 same => n(t1),Verbose(1,@text-is-true)
                 same => n,GotoIf(0?nowhere,1)
                 same => n,Verbose(1,@false-without-label-goes-on)
                 same => n,GotoIf(1?:nowhere,1)
                 same => n,Verbose(1,@true-without-label-goes-on)
                 same => n,GotoIf(?nowhere,1:end)
                 same => n,Verbose(1,@never)
                 same => n(end),Verbose(1,@empty-is-false)
                """, "main", "s");
        assertThat(path()).containsExactly("@yes", "@no", "@text-is-true", "@false-without-label-goes-on",
                "@true-without-label-goes-on", "@empty-is-false");
    }

    @Test
    void gotoIfReadsNumbersTheWayAsteriskDoes() {
        run("""
                [main]
                exten => s,1,GotoIf(00?bad)
                 same => n,GotoIf( 0abc?bad)
                 same => n,GotoIf(-2?ok)
                 same => n(bad),Verbose(1,@bad)
                 same => n(ok),Verbose(1,@ok)
                """, "main", "s");
        assertThat(path()).containsExactly("@ok");
    }

    @Test
    void gotoIfWithoutDataWarnsAndGoesOn() {
        run("""
                [main]
                exten => s,1,GotoIf()
                 same => n,Verbose(1,@next)
                """, "main", "s");
        assertThat(t.logLines("Ignoring, since there is no variable to check")).hasSize(1);
        assertThat(path()).containsExactly("@next");
    }

    @Test
    void gotoIfEvaluatesAnExpression() {
        // needs the ${}/$[] substitution engine
        run("""
                [main]
                exten => s,1,Set(N=5)
                 same => n,GotoIf($[${N} > 3]?big:small)
                 same => n(small),Verbose(1,@small)
                 same => n,Hangup()
                 same => n(big),Verbose(1,@big)
                """, "main", "s");
        assertThat(path()).containsExactly("@big");
    }

    @Test
    void gotoIfTimeMatchesAnyTime() {
        run("""
                [main]
                exten => s,1,GotoIfTime(*,*,*,*?yes)
                 same => n,Verbose(1,@never)
                 same => n(yes),Verbose(1,@in-time)
                """, "main", "s");
        assertThat(path()).containsExactly("@in-time");
    }

    @Test
    void gotoIfTimeUsesTestTime() {
        Channel c = run("""
                [main]
                exten => s,1,Set(TESTTIME=0)
                 same => n,GotoIfTime(*,*,*,feb,UTC?feb:notfeb)
                 same => n(feb),Verbose(1,@feb)
                 same => n,Hangup()
                 same => n(notfeb),Verbose(1,@january-1970)
                 same => n,GotoIfTime(*,*,1,jan,UTC?jan1)
                 same => n,Hangup()
                 same => n(jan1),Verbose(1,@first-of-january)
                """, "main", "s");
        assertThat(path()).containsExactly("@january-1970", "@first-of-january");
        assertThat(c.getVar("TESTTIME")).isEqualTo("0");
    }

    @Test
    void gotoIfTimeWithAnUnreadableTestTimeUsesNow() {
        Channel c = run("""
                [main]
                exten => s,1,Set(TESTTIME=soon)
                 same => n,GotoIfTime(*,*,*,*?yes)
                 same => n(yes),Verbose(1,@yes)
                """, "main", "s");
        assertThat(t.logLines("Using current time to evaluate")).hasSize(1);
        assertThat(c.getVar("TESTTIME")).isNull();
        assertThat(path()).containsExactly("@yes");
    }

    @Test
    void gotoIfTimeWithABadSpecTakesTheFalseBranch() {
        run("""
                [main]
                exten => s,1,GotoIfTime(*,funday,*,*?yes:no)
                 same => n(yes),Verbose(1,@yes)
                 same => n,Hangup()
                 same => n(no),Verbose(1,@no)
                """, "main", "s");
        assertThat(path()).containsExactly("@no");
    }

    @Test
    void gotoIfTimeWithoutArgumentWarnsAndHangsUp() {
        run("""
                [main]
                exten => s,1,GotoIfTime()
                 same => n,Verbose(1,@never)
                """, "main", "s");
        assertThat(t.logLines("GotoIfTime requires an argument")).hasSize(1);
        assertThat(path()).isEmpty();
    }

    @Test
    void execIfTimeRunsTheApplicationInTime() {
        run("""
                [main]
                exten => s,1,ExecIfTime(*,*,*,*?Verbose(1,@ran, with a comma))
                 same => n,Verbose(1,@after)
                """, "main", "s");
        assertThat(path()).containsExactly("@ran, with a comma", "@after");
    }

    @Test
    void execIfTimeBadInputEndsTheCall() {
        run("""
                [main]
                exten => s,1,ExecIfTime(*,*,*,*)
                 same => n,Verbose(1,@never)
                exten => t,1,ExecIfTime(*,funday,*,*?Verbose(1,@never))
                 same => n,Verbose(1,@never)
                exten => u,1,ExecIfTime(*,*,*,*?NoSuchApp(x))
                 same => n,Verbose(1,@never)
                """, "main", "s");
        Channel c2 = t.channel("Test/goto");
        c2.setLocation("main", "t", 1);
        t.pbx.runPbx(c2);
        Channel c3 = t.channel("Test/goto");
        c3.setLocation("main", "u", 1);
        t.pbx.runPbx(c3);
        assertThat(t.logLines("pbx_builtins.c: ExecIfTime requires an argument")).hasSize(1);
        assertThat(t.logLines("Invalid Time Spec: *,funday,*,*")).hasSize(1);
        assertThat(t.logLines("Cannot locate application NoSuchApp")).hasSize(1);
        assertThat(path()).isEmpty();
    }
}
