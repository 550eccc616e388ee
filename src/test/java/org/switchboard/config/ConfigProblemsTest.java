package org.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.config.ConfigReaderTest.entries;
import static org.switchboard.config.ConfigReaderTest.problems;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: each problem's exact {@code file:line: message}, and that reading goes on after it. */
class ConfigProblemsTest {

    @TempDir
    Path dir;

    private Config parse(String... lines) {
        return ConfigReader.parse("test.conf", String.join("\n", lines) + "\n", dir);
    }

    @Test
    void appendToAMissingSectionOrATemplateIsAProblem() {
        Config config = parse("[tpl](!)", "a=1", "[nosuch](+)", "x=1", "[tpl](+)", "y=1");
        assertThat(problems(config)).containsExactly(
                "test.conf:3: cannot append to [nosuch] with (+): no section of that name above this line;"
                        + " it starts a new section",
                "test.conf:5: cannot append to [tpl] with (+): it is a template, and (+) appends only to"
                        + " sections that are not; it starts a new section");
        assertThat(config.sections()).extracting(ConfigSection::name).containsExactly("tpl", "nosuch", "tpl");
        assertThat(entries(config.section("nosuch"))).containsExactly("x=1");
        assertThat(entries(config.sections().get(0))).containsExactly("a=1");
    }

    @Test
    void unknownTemplateIsAProblemAndTheKnownOnesStillApply() {
        Config config = parse("[t](!)", "a=1", "[s](nosuch,t)", "b=2", "[u](!, t)");
        assertThat(problems(config)).containsExactly(
                "test.conf:3: unknown template 'nosuch' in [s]: no section or template of that name above this line",
                "test.conf:5: unknown template ' t' in [u]: no section or template of that name above this line");
        assertThat(config.section("s").templates()).containsExactly("t");
        assertThat(entries(config.section("s"))).containsExactly("a=1", "b=2");
    }

    @Test
    void templateMustBeDefinedAboveItsUse() {
        Config config = parse("[s](later)", "[later](!)", "a=1");
        assertThat(problems(config)).containsExactly(
                "test.conf:1: unknown template 'later' in [s]: no section or template of that name above this line");
    }

    @Test
    void missingClosingBracketDropsTheSectionAndParsingGoesOn() {
        Config config = parse("[ok]", "a=1", "[broken", "secret=lost", "garbage", "[next]", "b=2");
        assertThat(problems(config)).containsExactly(
                "test.conf:3: missing ']' in section header '[broken'",
                "test.conf:5: no '=' in 'garbage' (expected key = value)");
        assertThat(config.sections()).extracting(ConfigSection::name).containsExactly("ok", "next");
        assertThat(entries(config.section("ok"))).containsExactly("a=1");
        assertThat(entries(config.section("next"))).containsExactly("b=2");
    }

    @Test
    void missingClosingParenthesisDropsTheSection() {
        Config config = parse("[t](!", "a=1", "[s]", "b=2");
        assertThat(problems(config)).containsExactly("test.conf:1: missing ')' in section header '[t](!'");
        assertThat(config.sections()).extracting(ConfigSection::name).containsExactly("s");
    }

    @Test
    void textAfterTheHeaderIsIgnoredAsAsteriskDoesButReported() {
        Config config = parse("[t] (!)", "a=1", "[u](!)x");
        assertThat(problems(config)).containsExactly(
                "test.conf:1: text after the section header is ignored: '(!)'",
                "test.conf:3: text after the section header is ignored: 'x'");
        assertThat(config.section("t").isTemplate()).isFalse();
        assertThat(config.sections().get(1).isTemplate()).isTrue();
    }

    @Test
    void oddHeaderOptions() {
        Config config = parse("[a]", "[x]()", "[a](+,a)", "[y](+type=peer)");
        assertThat(problems(config)).containsExactly(
                "test.conf:2: empty template name in [x]()",
                "test.conf:3: [a] cannot inherit from itself",
                "test.conf:4: (+) with a filter is not supported: '+type=peer'; [y] starts a new section");
    }

    @Test
    void lineWithoutEqualsOrKeyIsAProblemAndTheNextLineIsRead() {
        Config config = parse("[s]", "just words", "= novalue", "  =>  x", "ok = 1");
        assertThat(problems(config)).containsExactly(
                "test.conf:2: no '=' in 'just words' (expected key = value)",
                "test.conf:3: no key before '=' in '= novalue'",
                "test.conf:4: no key before '=' in '=>  x'");
        assertThat(entries(config.section("s"))).containsExactly("ok=1");
    }

    @Test
    void linesBeforeAnySectionAreProblems() {
        Config config = parse("; header comment", "key = value", "", "other => x", "[s]", "k=v");
        assertThat(problems(config)).containsExactly(
                "test.conf:2: line is outside any section: 'key = value' (a [section] header must come first)",
                "test.conf:4: line is outside any section: 'other => x' (a [section] header must come first)");
        assertThat(entries(config.section("s"))).containsExactly("k=v");
    }

    @Test
    void invalidEscapeIsAProblem() {
        Config config = parse("[s]", "\\ x=1", "\\");
        assertThat(problems(config)).containsExactly(
                "test.conf:2: invalid escape: '\\' at the start of '\\ x=1' must be followed by a character",
                "test.conf:3: invalid escape: '\\' at the start of '\\' must be followed by a character");
    }

    @Test
    void unterminatedBlockCommentIsReportedWhereItOpened() {
        Config config = parse("[s]", "a=1", "b=2 ;-- never closed", "c=3", ";-- nested", "d=4");
        assertThat(problems(config)).containsExactly("test.conf:3: block comment ';--' is never closed with '--;'");
        assertThat(entries(config.section("s"))).containsExactly("a=1", "b=2");
    }

    @Test
    void missingFileIsOneProblemAtLineZero() {
        Config config = ConfigReader.read(dir, "nosuch.conf");
        assertThat(config.file()).isEqualTo("nosuch.conf");
        assertThat(config.sections()).isEmpty();
        assertThat(problems(config)).containsExactly("nosuch.conf:0: cannot read nosuch.conf: no such file");
    }

    @Test
    void problemPrintsAsFileLineMessage() {
        assertThat(new ConfigProblem("sip.conf", 12, "no '=' in 'x'")).hasToString("sip.conf:12: no '=' in 'x'");
    }
}
