package org.switchboard.res.agi.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command table and the prompts the SAY commands play, without a call. */
class AgiCommandTableTest {
    private static List<String> words(String line) { return List.of(line.split(" ")); }

    @Test
    void commandsAreFoundByTheirLongestName() {
        AgiCommandTable table = AgiCommandTable.STANDARD;
        assertThat(table.find(words("get full variable ${X}")).fullName()).isEqualTo("get full variable");
        assertThat(table.find(words("GET VARIABLE X")).fullName()).isEqualTo("get variable");
        assertThat(table.find(words("GET"))).isNull();
        assertThat(table.find(words("STREAMFILE x"))).isNull();
        assertThat(table.all()).extracting(AgiCommand::fullName).contains("answer", "asyncagi break", "channel status",
                "control stream file", "database del", "database deltree", "database get", "database put", "exec",
                "get data", "get full variable", "get option", "get variable", "gosub", "hangup", "noop", "receive char",
                "receive text", "record file", "say alpha", "say digits", "say number", "say phonetic", "say date",
                "say time", "say datetime", "send image", "send text", "set autohangup", "set callerid", "set context",
                "set extension", "set music", "set priority", "set variable", "stream file", "tdd mode", "verbose",
                "wait for digit", "speech create", "speech set", "speech destroy", "speech load grammar",
                "speech unload grammar", "speech activate grammar", "speech deactivate grammar", "speech recognize");
        for (AgiCommand c : table.all()) {
            assertThat(c.usage()).as(c.fullName()).isNotBlank();
            assertThat(c.usage().lines()).as(c.fullName() + ": a usage line that looks like the end of a 520 answer")
                    .noneMatch(l -> l.startsWith("520 "));
        }
    }

    @Test
    void datesAndTimesAreSaidAsEnglishSays() {
        long t = 1_700_000_000L;   // Tuesday 14 November 2023, 22:13:20 UTC
        assertThat(SayPrompts.date(t, ZoneOffset.UTC)).containsExactly("digits/day-2", "digits/mon-10", "digits/14",
                "digits/2", "digits/thousand", "digits/20", "digits/3");
        assertThat(SayPrompts.time(t, ZoneOffset.UTC)).containsExactly("digits/10", "digits/13", "digits/p-m");
        assertThat(SayPrompts.time(1_700_000_000L - 22 * 3600 - 13 * 60 + 5 * 60, ZoneOffset.UTC))
                .containsExactly("digits/12", "digits/oh", "digits/5", "digits/a-m");
        assertThat(SayPrompts.dateWithFormat(t, ZoneOffset.UTC, SayPrompts.DEFAULT_DATETIME_FORMAT)).containsExactly(
                "digits/day-2", "digits/mon-10", "digits/h-14", "digits/2", "digits/thousand", "digits/20", "digits/3",
                "digits/at", "digits/10", "digits/13", "digits/p-m");
        assertThat(SayPrompts.dateWithFormat(t, ZoneOffset.UTC, "H M 'beep'")).containsExactly("digits/20", "digits/2", "digits/13", "beep");
        assertThat(SayPrompts.ordinal(21)).containsExactly("digits/20", "digits/h-1");
        assertThat(SayPrompts.year(1987)).containsExactly("digits/19", "digits/80", "digits/7");
        assertThat(SayPrompts.year(1905)).containsExactly("digits/19", "digits/oh", "digits/5");
        assertThat(SayPrompts.phonetic("Ab1#")).containsExactly("phonetic/a_p", "phonetic/b_p", "digits/1", "digits/pound");
    }
}
