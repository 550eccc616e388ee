package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/**
 * GROUP, GROUP_COUNT, GROUP_MATCH_COUNT and GROUP_LIST (func_groupcount.c) across several
 * channels of one PBX: counts follow channels joining, moving and hanging up, and a second PBX
 * in the same JVM sees none of them.
 */
class GroupFunctionsTest {
    private TestPbx pbx;

    @BeforeEach
    void start() { pbx = new TestPbx(); }

    @AfterEach
    void stop() { pbx.close(); }

    private Channel inGroup(String category, String group) {
        Channel c = pbx.channel();
        pbx.pbx.vars().set(c, "GROUP(" + category + ")", group);
        return c;
    }

    @Test
    void theCookbookCallLimitRefusesTheThirdCall() {
        inGroup("outbound", "myprovider");
        inGroup("outbound", "myprovider");
        inGroup("outbound", "otherprovider");
        pbx.log.clear();
        pbx.runDialplan("""
                [out]
                exten => _1NXXNXXXXXX,1,Set(GROUP(outbound)=myprovider)
                 same => n,Set(COUNT=${GROUP_COUNT(myprovider@outbound)})
                 same => n,GotoIf($[${COUNT} > 2]?denied:continue)
                 same => n(denied),Verbose(1,@ too many calls: ${COUNT})
                 same => n,Hangup()
                 same => n(continue),Verbose(1,@ dialing)
                """, "Test/caller", "out", "12125551212");
        assertThat(pbx.path()).containsExactly("@ too many calls: 3");
        // the call that was refused has hung up and left its group
        assertThat(pbx.eval("${GROUP_COUNT(myprovider@outbound)}")).isEqualTo("2");
    }

    @Test
    void aChannelLeavesItsGroupsWhenItHangsUp() {
        Channel a = inGroup("queue", "sales");
        Channel b = inGroup("queue", "sales");
        pbx.pbx.vars().set(b, "GROUP()", "everyone");
        assertThat(pbx.eval("${GROUP_COUNT(sales@queue)} ${GROUP_MATCH_COUNT(.)}")).isEqualTo("2 3");
        b.hangup();
        assertThat(pbx.eval("${GROUP_COUNT(sales@queue)} ${GROUP_COUNT(everyone)} ${GROUP_MATCH_COUNT(.)}")).isEqualTo("1 0 1");
        a.hangup();
        assertThat(pbx.eval("${GROUP_MATCH_COUNT(.)}")).isEqualTo("0");
    }

    @Test
    void movingToAnotherGroupOfTheSameCategoryLeavesTheFirst() {
        Channel a = inGroup("trunk", "t1");
        inGroup("trunk", "t1");
        pbx.pbx.vars().set(a, "GROUP(TRUNK)", "t2");         // categories compare without case
        assertThat(pbx.eval("${GROUP_COUNT(t1@trunk)} ${GROUP_COUNT(t2@trunk)}")).isEqualTo("1 1");
        assertThat(pbx.eval(a, "${GROUP_LIST()}")).isEqualTo("t2@TRUNK");
        assertThat(pbx.eval(a, "${GROUP_COUNT()}")).as("the channel's own group").isEqualTo("1");
    }

    @Test
    void groupsBelongToOnePbx() {
        inGroup("outbound", "shared-name");
        try (TestPbx other = new TestPbx()) {
            assertThat(other.eval("${GROUP_COUNT(shared-name@outbound)}")).isEqualTo("0");
            Channel o = other.channel();
            other.pbx.vars().set(o, "GROUP(outbound)", "shared-name");
            assertThat(other.eval("${GROUP_COUNT(shared-name@outbound)}")).isEqualTo("1");
        }
        assertThat(pbx.eval("${GROUP_COUNT(shared-name@outbound)}")).isEqualTo("1");
    }

    @Test
    void namesAreCutTo79CharactersAsAsteriskDoes() {
        String longName = "g".repeat(100);
        Channel c = inGroup("", longName);
        assertThat(pbx.eval(c, "${GROUP()}")).isEqualTo("g".repeat(79));
        assertThat(pbx.eval("${GROUP_COUNT(" + longName + ")}")).isEqualTo("1");
    }

    @Test
    void aBadExpressionIsAnErrorAndCountsNothing() {
        inGroup("x", "trunk-1");
        pbx.log.clear();
        assertThat(pbx.eval("${GROUP_MATCH_COUNT(trunk-[)}")).isEqualTo("0");
        assertThat(pbx.said("Regex compile failed on: trunk-[")).singleElement()
                .satisfies(l -> assertThat(l).contains("ERROR", "func_groupcount.c"));
        assertThat(pbx.eval("${GROUP_MATCH_COUNT(trunk@x[)}")).isEqualTo("0");
        assertThat(pbx.said("Regex compile failed on: x[")).hasSize(1);
    }

    @Test
    void manyChannelsJoiningAndLeavingAtOnceKeepCountsRight() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<Channel> kept = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 50; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> {
                Channel c = inGroup("load", "pool");
                if (n % 2 == 0) c.hangup();
                else kept.add(c);
            }));
        }
        for (Thread t : threads) t.join();
        assertThat(pbx.eval("${GROUP_COUNT(pool@load)}")).isEqualTo("25");
        assertThat(kept).hasSize(25);
    }
}
