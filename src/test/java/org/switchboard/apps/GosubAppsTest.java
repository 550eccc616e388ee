package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/** Gosub, GosubIf, Return, StackPop, LOCAL() and LOCAL_PEEK(). */
class GosubAppsTest {
    private static final String SUBS = """
            [main]
            exten => s,1,Verbose(1,@main)
             same => n,Gosub(sub,s,1(a,b,c))
             same => n,Verbose(1,@back)
            exten => h,1,Verbose(1,@h)
            [sub]
            exten => s,1,Verbose(1,@sub)
             same => n,Return(r1,r2)
            exten => inner,1,Verbose(1,@inner)
             same => n,Return()
            exten => nested,1,Gosub(inner,1(x))
             same => n,Return(done)
            """;

    private TestPbx t;

    @BeforeEach
    void start() { t = new TestPbx(); }

    @AfterEach
    void stop() { t.close(); }

    private Channel channelAt(String dialplan, String context, String exten) {
        assertThat(t.dialplan(dialplan)).isEmpty();
        Channel c = t.channel("Test/gosub");
        c.setLocation(context, exten, 1);
        return c;
    }

    private List<String> path() {
        return t.log.stream().filter(l -> l.startsWith(" @")).map(String::strip).toList();
    }

    private Application.Result exec(Channel c, String app, String data) { return t.pbx.execute(c, app, data); }

    @Test
    void gosubRunsTheSubroutineAndReturnsAfterTheCall() {
        Channel c = channelAt(SUBS, "main", "s");
        t.pbx.runPbx(c);
        assertThat(path()).containsExactly("@main", "@sub", "@back", "@h");
        assertThat(c.getVar("GOSUB_RETVAL")).isEqualTo("r1,r2");
        assertThat(c.getVar("ARG1")).isNull();
        assertThat(c.getVar("ARGC")).isNull();
        assertThat(c.gosubStack()).isEmpty();
    }

    @Test
    void argumentsAreLocalToTheirLevelAndMaskTheCallers() {
        Channel c = channelAt(SUBS, "main", "s");
        c.setLocation("main", "s", 2);
        assertThat(exec(c, "Gosub", "sub,s,1(a,b,c)")).isEqualTo(Application.Result.CONTINUE);
        assertThat(c.context()).isEqualTo("sub");
        assertThat(c.priority()).isEqualTo(1);
        assertThat(c.getVar("ARG1")).isEqualTo("a");
        assertThat(c.getVar("ARG3")).isEqualTo("c");
        assertThat(c.getVar("ARGC")).isEqualTo("3");

        c.setLocation("sub", "nested", 1);
        exec(c, "Gosub", "inner,1(x)");
        assertThat(c.exten()).isEqualTo("inner");
        assertThat(c.getVar("ARG1")).isEqualTo("x");
        assertThat(c.getVar("ARG2")).isEmpty();
        assertThat(c.getVar("ARG3")).isEmpty();
        assertThat(c.getVar("ARGC")).isEqualTo("1");
        assertThat(c.gosubStack()).hasSize(2);

        exec(c, "Return", "");
        assertThat(c.exten()).isEqualTo("nested");
        assertThat(c.priority()).isEqualTo(2);
        assertThat(c.getVar("ARG1")).isEqualTo("a");
        assertThat(c.getVar("ARG2")).isEqualTo("b");
        assertThat(c.getVar("ARGC")).isEqualTo("3");
        assertThat(c.getVar("GOSUB_RETVAL")).isEmpty();

        exec(c, "Return", "done");
        assertThat(c.context()).isEqualTo("main");
        assertThat(c.priority()).isEqualTo(3);
        assertThat(c.getVar("ARG1")).isNull();
        assertThat(c.getVar("GOSUB_RETVAL")).isEqualTo("done");
    }

    @Test
    void argumentsKeepQuotesAndCommasInsideParentheses() {
        Channel c = channelAt(SUBS, "main", "s");
        exec(c, "Gosub", "sub,s,1(\"x,y\",f(1,2),)");
        assertThat(c.getVar("ARG1")).isEqualTo("\"x,y\"");
        assertThat(c.getVar("ARG2")).isEqualTo("f(1,2)");
        assertThat(c.getVar("ARG3")).isEmpty();
        assertThat(c.getVar("ARGC")).isEqualTo("3");
    }

    @Test
    void gosubToALabelAndWithoutArguments() {
        Channel c = channelAt("""
                [main]
                exten => s,1,Gosub(sub,s,start)
                 same => n,Verbose(1,@back)
                [sub]
                exten => s,1,Verbose(1,@not-here)
                 same => n(start),Verbose(1,@start)
                 same => n,Return
                """, "main", "s");
        t.pbx.runPbx(c);
        assertThat(path()).containsExactly("@start", "@back");
        assertThat(c.getVar("GOSUB_RETVAL")).isEmpty();
    }

    @Test
    void localVariablesComeBackOnReturn() {
        Channel c = channelAt(SUBS, "main", "s");
        c.setVar("foo", "outer");
        exec(c, "Gosub", "sub,s,1");
        exec(c, "Set", "LOCAL(foo)=inner");
        exec(c, "Set", "LOCAL(bar)=only-here");
        assertThat(c.getVar("foo")).isEqualTo("inner");
        assertThat(t.pbx.vars().function(c, "LOCAL", "foo")).isEqualTo("inner");
        assertThat(t.pbx.vars().function(c, "LOCAL", "ARG1")).isEmpty();
        assertThat(t.pbx.vars().function(c, "LOCAL_PEEK", "0,foo")).isEqualTo("inner");
        assertThat(t.pbx.vars().function(c, "LOCAL_PEEK", "1,foo")).isEqualTo("outer");
        assertThat(t.pbx.vars().function(c, "LOCAL_PEEK", "2,foo")).isEmpty();

        exec(c, "Gosub", "sub,inner,1");
        exec(c, "Set", "LOCAL(foo)=deepest");
        assertThat(t.pbx.vars().function(c, "LOCAL_PEEK", "1,foo")).isEqualTo("inner");
        assertThat(t.pbx.vars().function(c, "LOCAL_PEEK", "2,foo")).isEqualTo("outer");
        assertThat(t.pbx.vars().function(c, "LOCAL", "bar")).isEmpty();   // local one level up only
        assertThat(c.getVar("bar")).isEqualTo("only-here");

        exec(c, "Return", "");
        assertThat(c.getVar("foo")).isEqualTo("inner");
        exec(c, "Return", "");
        assertThat(c.getVar("foo")).isEqualTo("outer");
        assertThat(c.getVar("bar")).isNull();
    }

    @Test
    void localVarSetEventsNameTheLocal() {
        Map<String, String> seen = new ConcurrentHashMap<>();
        t.pbx.events().subscribe(e -> {
            if (e.name().equals("VarSet")) seen.put(e.get("Variable"), e.get("Value"));
        });
        Channel c = channelAt(SUBS, "main", "s");
        exec(c, "Gosub", "sub,s,1(one)");
        assertThat(seen).containsEntry("LOCAL(ARG1)", "one").containsEntry("LOCAL(ARGC)", "1");
    }

    @Test
    void localOutsideGosubIsAnError() {
        Channel c = channelAt(SUBS, "main", "s");
        exec(c, "Set", "LOCAL(foo)=x");
        assertThat(t.logLines("Tried to set LOCAL(foo), but we aren't within a Gosub routine")).hasSize(1);
        assertThat(c.getVar("foo")).isNull();
        assertThat(t.pbx.vars().function(c, "LOCAL", "foo")).isEmpty();
        assertThat(t.pbx.vars().function(c, "LOCAL_PEEK", "0")).isEmpty();
        assertThat(t.logLines("LOCAL_PEEK requires parameters n and varname")).hasSize(1);
    }

    @Test
    void gosubIfChoosesTheSubroutine() {
        Channel c = channelAt("""
                [main]
                exten => s,1,GosubIf(1?sub,yes,1(a:b):sub,no,1)
                 same => n,GosubIf(0?sub,yes,1:sub,no,1(c))
                 same => n,GosubIf(0?sub,yes,1)
                 same => n,GosubIf(nonsense)
                 same => n,Verbose(1,@end)
                [sub]
                exten => yes,1,Verbose(1,@yes)
                 same => n,Return()
                exten => no,1,Verbose(1,@no)
                 same => n,Return()
                """, "main", "s");
        Map<String, String> seen = new ConcurrentHashMap<>();
        t.pbx.events().subscribe(e -> {
            if (e.name().equals("VarSet")) seen.merge(e.get("Variable"), e.get("Value"), (a, b) -> a + "|" + b);
        });
        t.pbx.runPbx(c);
        assertThat(path()).containsExactly("@yes", "@no", "@end");
        assertThat(seen.get("LOCAL(ARG1)")).isEqualTo("a:b|c");
        assertThat(t.logLines("GosubIf requires an argument")).hasSize(1);
    }

    @Test
    void gosubToNowhereIsAnErrorAndEndsTheCall() {
        Channel c = channelAt("""
                [main]
                exten => s,1,Gosub(nosuch,s,1)
                 same => n,Verbose(1,@never)
                exten => h,1,Verbose(1,@h)
                """, "main", "s");
        t.pbx.runPbx(c);
        assertThat(t.logLines("Attempt to reach a non-existent destination for Gosub: (Context:nosuch, Extension:s, Priority:1)"))
                .hasSize(1);
        assertThat(path()).containsExactly("@h");
        assertThat(c.gosubStack()).isEmpty();
    }

    @Test
    void gosubBadArgumentsAreErrors() {
        Channel c = channelAt(SUBS, "main", "s");
        assertThat(exec(c, "Gosub", "")).isEqualTo(Application.Result.HANGUP);
        assertThat(t.logLines("Gosub requires an argument")).hasSize(1);
        assertThat(exec(c, "Gosub", "sub,s,nolabel")).isEqualTo(Application.Result.HANGUP);
        assertThat(t.logLines("Priority 'nolabel' must be a number > 0, or valid label")).hasSize(1);
        assertThat(t.logLines("Gosub address is invalid: 'sub,s,nolabel'")).hasSize(1);
        assertThat(exec(c, "Gosub", "sub,s,1(a,b")).isEqualTo(Application.Result.CONTINUE);
        assertThat(t.logLines("Ouch.  No closing paren: 'sub,s,1(a,b'?")).hasSize(1);
        assertThat(c.getVar("ARG2")).isEqualTo("b");
        assertThat(c.context()).isEqualTo("sub");
    }

    @Test
    void returnWithoutGosubIsAnError() {
        Channel c = channelAt("""
                [main]
                exten => s,1,Return()
                 same => n,Verbose(1,@never)
                exten => t,1,Gosub(sub,1)
                 same => n,StackPop()
                 same => n,Verbose(1,@popped)
                 same => n,Return()
                 same => n,Verbose(1,@never)
                exten => sub,1,Return()
                """, "main", "s");
        t.pbx.runPbx(c);
        assertThat(t.logLines("Return without Gosub: stack is unallocated")).hasSize(1);
        assertThat(path()).isEmpty();

        Channel c2 = t.channel("Test/gosub");
        c2.setLocation("main", "t", 1);
        t.pbx.runPbx(c2);
        // the Gosub went to sub,1 and came back; StackPop then found the stack empty, Return too
        assertThat(path()).containsExactly("@popped");
        assertThat(t.logLines("Return without Gosub: stack is empty")).hasSize(1);
    }

    @Test
    void stackPopForgetsTheReturnAddress() {
        Channel c = channelAt(SUBS, "main", "s");
        exec(c, "StackPop", "");
        assertThat(t.logLines("StackPop called with no gosub stack allocated.")).hasSize(1);
        exec(c, "Gosub", "sub,s,1(a)");
        assertThat(exec(c, "StackPop", "")).isEqualTo(Application.Result.CONTINUE);
        assertThat(c.gosubStack()).isEmpty();
        assertThat(c.getVar("ARG1")).isNull();
        assertThat(exec(c, "Return", "")).isEqualTo(Application.Result.HANGUP);
    }

    @Test
    void aSubroutineRunFromCodeReturnsToItsCaller() {
        Channel c = channelAt(SUBS, "main", "s");
        t.pbx.runSubroutine(c, "sub,nested,1");
        assertThat(path()).containsExactly("@inner");
        assertThat(c.getVar("GOSUB_RETVAL")).isEqualTo("done");
        assertThat(c.gosubStack()).isEmpty();
    }

    @Test
    void gosubReturnValueFromSubstitution() {
        // needs the ${}/$[] substitution engine
        Channel c = channelAt("""
                [main]
                exten => s,1,Gosub(sub,add,1(2,3))
                 same => n,Verbose(1,@sum ${GOSUB_RETVAL})
                [sub]
                exten => add,1,Return($[${ARG1} + ${ARG2}])
                """, "main", "s");
        t.pbx.runPbx(c);
        assertThat(path()).containsExactly("@sum 5");
    }
}
