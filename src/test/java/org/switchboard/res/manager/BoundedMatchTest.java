package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BoundedMatchTest {
    @Test
    void ordinaryPatternsMatchAsPatternFindDoes() {
        String event = "Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: keep\r\n\r\n";
        assertThat(BoundedMatch.find(Pattern.compile("UserEvent: keep"), event)).isTrue();
        assertThat(BoundedMatch.find(Pattern.compile("^Event: Hangup"), event)).isFalse();
        assertThat(BoundedMatch.find(Pattern.compile("(?m)^Privilege: .*user"), event)).isTrue();
    }

    @Test
    void catastrophicBacktrackingGivesUpInsteadOfRunningForMinutes() {
        // Java's matcher copes with (a+)+$, but (.*a){12}b on 60 a's takes some 60^12 steps
        String text = "Body: " + "a".repeat(60);
        assertThatThrownBy(() -> BoundedMatch.find(Pattern.compile("(.*a){12}b"), text)).isInstanceOf(BoundedMatch.TooComplex.class);
    }
}
