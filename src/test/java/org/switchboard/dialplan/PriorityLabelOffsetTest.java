package org.switchboard.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.config.ConfigProblem;
import org.switchboard.testing.TestPbx;

/** {@code exten => s,lbl+101,App()}: a label plus an offset, as FreePBX and Issabel dialplans write it. */
class PriorityLabelOffsetTest {
    private static final String DIALPLAN = """
            [macro-dial]
            exten => s,1,Set(TRIES=1)
             same => n(dial),Verbose(1,@dial at ${PRIORITY})
             same => n,Goto(103)
            exten => s,dial+101,Verbose(1,@busy branch at ${PRIORITY})
            exten => s,n,Verbose(1,@then ${PRIORITY})
            exten => s,nolabel+1,Verbose(1,@never)
            exten => s,n,Verbose(1,@still read after the bad line)
            """;

    @Test
    void aLabelPlusAnOffsetIsThatPriorityPlusTheOffsetAndNextFollowsIt() {
        try (TestPbx t = new TestPbx()) {
            List<ConfigProblem> problems = t.dialplan(DIALPLAN);
            assertThat(problems).singleElement().asString().contains("Invalid priority/label 'nolabel'");
            t.runDialplan(DIALPLAN.replace("exten => s,nolabel+1,Verbose(1,@never)\n", ""), "Test/f", "macro-dial", "s");
            assertThat(t.path()).containsExactly("@dial at 2", "@busy branch at 103", "@then 104",
                    "@still read after the bad line");
        }
    }
}
