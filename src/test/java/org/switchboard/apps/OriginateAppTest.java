package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.TestPbx;

/** Originate: ORIGINATE_STATUS for answered, busy, ringing and bad calls, and where the answered call goes. */
class OriginateAppTest {
    private static final String DESTINATIONS = """
            [dest]
            exten => 100,1,Answer()
             same => n,Wait(30)
            exten => 300,1,Busy()
            exten => 400,1,Ringing()
             same => n,Wait(30)
            [connected]
            exten => 200,1,Verbose(1,@connected ${FOO} ${CALLERID(num)} ${CALLERID(name)})
            exten => s,1,Verbose(1,@connected at s)
            exten => pre,1,Verbose(1,@callee-side ${PRE})
            [pre]
            exten => sub,1,Set(PRE=${ARG1})
             same => n,Return()
            """;
    private TestPbx t;

    @BeforeEach
    void start() { t = new TestPbx(); }

    @AfterEach
    void stop() { t.close(); }

    private void run(String body) {
        t.runDialplan("[ctx]\n" + body + DESTINATIONS, "Test/orig", "ctx", "s");
    }

    @Test
    void anAnsweredCallGoesToTheExtensionWithItsVariablesAndCallerId() {
        run("""
                exten => s,1,Originate(Local/100@dest,exten,connected,200,1,5,v(FOO=bar)c(555)n(Alice))
                 same => n,Verbose(1,@status ${ORIGINATE_STATUS})
                """);
        await().atMost(Duration.ofSeconds(10)).until(() -> t.path().size() == 2);
        assertThat(t.path()).containsExactlyInAnyOrder("@status SUCCESS", "@connected bar 555 Alice");
    }

    @Test
    void withOnlyAContextTheCallGoesToS() {
        run("""
                exten => s,1,Originate(Local/100@dest,exten,connected)
                 same => n,Verbose(1,@status ${ORIGINATE_STATUS})
                """);
        await().atMost(Duration.ofSeconds(10)).until(() -> t.path().size() == 2);
        assertThat(t.path()).containsExactlyInAnyOrder("@status SUCCESS", "@connected at s");
    }

    @Test
    void anApplicationRunsOnTheAnsweredCall() {
        run("""
                exten => s,1,Originate(Local/100@dest,app,Set,GLOBAL(DONE)=ran)
                 same => n,Verbose(1,@status ${ORIGINATE_STATUS})
                """);
        await().atMost(Duration.ofSeconds(10)).until(() -> "ran".equals(t.pbx.globals().get("DONE")));
        assertThat(t.path()).containsExactly("@status SUCCESS");
    }

    @Test
    void predialSubroutinesRunOnBothSides() {
        run("""
                exten => s,1,Originate(Local/100@dest,exten,connected,pre,1,5,b(pre^sub^1(callee))B(pre^sub^1(caller)))
                 same => n,Verbose(1,@status ${ORIGINATE_STATUS} ${PRE})
                """);
        await().atMost(Duration.ofSeconds(10)).until(() -> t.path().size() == 2);
        assertThat(t.path()).containsExactlyInAnyOrder("@status SUCCESS caller", "@callee-side callee");
    }

    @Test
    void busyAndRingingAreReported() {
        run("""
                exten => s,1,Originate(Local/300@dest,exten,connected,200,1,5)
                 same => n,Verbose(1,@busy ${ORIGINATE_STATUS})
                 same => n,Originate(Local/400@dest,exten,connected,200,1,1)
                 same => n,Verbose(1,@ringing ${ORIGINATE_STATUS})
                """);
        assertThat(t.path()).containsExactly("@busy BUSY", "@ringing RINGING");
    }

    @Test
    void theAOptionDoesNotWait() {
        run("""
                exten => s,1,Originate(Local/400@dest,exten,connected,200,1,30,a)
                 same => n,Verbose(1,@status ${ORIGINATE_STATUS})
                """);
        assertThat(t.path()).containsExactly("@status SUCCESS");
    }

    @Test
    void anUnknownTechnologyFailsAndTheDialplanGoesOn() {
        run("""
                exten => s,1,Originate(Nope/1,exten,connected,200)
                 same => n,Verbose(1,@status ${ORIGINATE_STATUS})
                """);
        assertThat(t.path()).containsExactly("@status FAILED");
    }

    @Test
    void wrongArgumentsFailAndEndTheCallAsInAsterisk() {
        run("""
                exten => s,1,Originate(Local/100@dest,elsewhere,connected)
                 same => n,Verbose(1,@never)
                exten => h,1,Verbose(1,@h ${ORIGINATE_STATUS})
                """);
        assertThat(t.path()).containsExactly("@h FAILED");
        assertThat(t.said("Incorrect type, it should be 'exten' or 'app': elsewhere")).hasSize(1);
        t.log.clear();
        run("""
                exten => s,1,Originate(Local/100@dest)
                 same => n,Verbose(1,@never)
                exten => h,1,Verbose(1,@h ${ORIGINATE_STATUS})
                """);
        assertThat(t.said("Incorrect number of arguments")).hasSize(1);
        assertThat(t.path()).containsExactly("@h FAILED");
    }
}
