package org.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syntax: sections, entries, comments, templates, appends, and what goes wrong with them. */
class ConfigReaderTest {

    @TempDir
    Path dir;

    private Config parse(String... lines) {
        return ConfigReader.parse("test.conf", String.join("\n", lines) + "\n", dir);
    }

    static List<String> problems(Config config) {
        return config.problems().stream().map(ConfigProblem::toString).toList();
    }

    /** Entries as {@code key=value} or {@code key=>value}. */
    static List<String> entries(ConfigSection section) {
        return section.entries().stream()
                .map(e -> e.key() + (e.object() ? "=>" : "=") + e.value()).toList();
    }

    @Test
    void sectionsAndEntriesAreTrimmedAndKeptInFileOrder() {
        Config config = parse(
                "[general]",
                "  static   =   yes   ",
                "writeprotect=no",
                "",
                "\t[Phones]",
                "exten => 100,1,Answer()",
                "exten=>101,1,Set(a=b)",
                "empty =");
        assertThat(config.problems()).isEmpty();
        assertThat(config.file()).isEqualTo("test.conf");
        assertThat(config.sections()).extracting(ConfigSection::name).containsExactly("general", "Phones");
        assertThat(entries(config.section("general"))).containsExactly("static=yes", "writeprotect=no");
        ConfigSection phones = config.section("PHONES");
        assertThat(phones.name()).isEqualTo("Phones");
        assertThat(phones.file()).isEqualTo("test.conf");
        assertThat(phones.line()).isEqualTo(5);
        assertThat(entries(phones)).containsExactly(
                "exten=>100,1,Answer()", "exten=>101,1,Set(a=b)", "empty=");
        assertThat(phones.entries().get(1)).isEqualTo(
                new ConfigEntry("exten", "101,1,Set(a=b)", true, "test.conf", 7));
        assertThat(phones.isTemplate()).isFalse();
        assertThat(phones.templates()).isEmpty();
    }

    @Test
    void repeatedKeysAreAllKeptAndGetReturnsTheLastIgnoringCase() {
        ConfigSection s = parse("[peer]", "allow=ulaw", "Allow=alaw", "disallow=all", "ALLOW=g722").section("peer");
        assertThat(s.getAll("allow")).containsExactly("ulaw", "alaw", "g722");
        assertThat(s.get("aLLoW")).isEqualTo("g722");
        assertThat(s.get("missing")).isNull();
        assertThat(s.get("missing", "dflt")).isEqualTo("dflt");
        assertThat(s.get("disallow", "dflt")).isEqualTo("all");
        assertThat(s.has("DISALLOW")).isTrue();
        assertThat(s.has("nope")).isFalse();
        assertThat(s.getAll("nope")).isEmpty();
    }

    @Test
    void sectionNamesKeepTheirCaseAndMayRepeat() {
        Config config = parse("[General]", "x=1", "[general]", "x=2", "[tpl](!)", "[GENERAL]", "x=3");
        assertThat(config.sections()).extracting(ConfigSection::name)
                .containsExactly("General", "general", "tpl", "GENERAL");
        assertThat(config.section("general").get("x")).isEqualTo("1");
        assertThat(config.sections("GENERAL")).extracting(s -> s.get("x")).containsExactly("1", "2", "3");
        assertThat(config.section("tpl")).isNull();
        assertThat(config.sections("tpl")).hasSize(1);
        assertThat(config.section("nosuch")).isNull();
        assertThat(config.sections("nosuch")).isEmpty();
    }

    @Test
    void semicolonCommentsAndEscapedSemicolons() {
        ConfigSection s = parse(
                "; a whole-line comment",
                "[s] ; comment after a header",
                "a = 1 ; comment",
                "b = x\\;y ; a \\; before the comment is literal",
                "c=\\;\\;",
                "   ; indented comment").section("s");
        assertThat(entries(s)).containsExactly("a=1", "b=x;y", "c=;;");
    }

    @Test
    void blockCommentsInlineMultiLineAndNested() {
        Config config = parse(
                "[s]",
                "a = 1 ;-- inline block --; 2",
                "b = 3 ;-- opens here",
                "hidden = 1",
                "[hiddensection]",
                "closes here --; c = 4",
                ";-- outer ;-- inner --; still comment",
                "hidden = 2",
                "--;",
                "d = 5 ;-- x ;-- y --; z --; tail",
                ";--- three dashes is an ordinary comment",
                "e = 6");
        assertThat(config.problems()).isEmpty();
        assertThat(config.sections()).extracting(ConfigSection::name).containsExactly("s");
        assertThat(entries(config.section("s"))).containsExactly(
                "a=1  2", "b=3", "c=4", "d=5  tail", "e=6");
        assertThat(config.section("s").entries().get(2).line()).isEqualTo(6);
    }

    @Test
    void escapedFirstCharacterMakesAnOrdinaryKey() {
        ConfigSection s = parse("[s]", "\\[notasection] = 1", "\\#notadirective=2", "\\==3").section("s");
        assertThat(entries(s)).containsExactly("[notasection]=1", "#notadirective=2", "==3");
    }

    /** As config.c: the text after {@code +=} is appended untrimmed on the left ({@code a += 3} gives "2 3"). */

    @Test
    void plusEqualsAppendsToTheLastValueInPlace() {
        ConfigSection s = parse(
                "[s]", "a=1", "other=x", "a=2", "a += 3", "setvar += ,more", "allow=ulaw", "allow+=,alaw")
                .section("s");
        assertThat(entries(s)).containsExactly("a=1", "other=x", "a=2 3", "setvar=,more", "allow=ulaw,alaw");
        assertThat(s.entries().get(2).line()).isEqualTo(4);
    }

    @Test
    void templateIsInheritedFirstAndKeepsItsFileAndLine() {
        Config config = parse(
                "[phone](!)", "type=friend", "context=phones",
                "[0001](phone)", "secret=s1", "context=override");
        assertThat(config.problems()).isEmpty();
        ConfigSection tpl = config.sections().get(0);
        assertThat(tpl.isTemplate()).isTrue();
        assertThat(config.section("phone")).isNull();
        ConfigSection peer = config.section("0001");
        assertThat(peer.templates()).containsExactly("phone");
        assertThat(entries(peer)).containsExactly("type=friend", "context=phones", "secret=s1", "context=override");
        assertThat(peer.get("context")).isEqualTo("override");
        assertThat(peer.entries().get(0)).isEqualTo(new ConfigEntry("type", "friend", false, "test.conf", 2));
        assertThat(peer.line()).isEqualTo(4);
    }

    @Test
    void multipleTemplatesAreInheritedInTheOrderNamed() {
        ConfigSection s = parse(
                "[a](!)", "x=a1", "y=a",
                "[b](!)", "x=b1", "z=b",
                "[c](b,a)", "x=own").section("c");
        assertThat(s.templates()).containsExactly("b", "a");
        assertThat(entries(s)).containsExactly("x=b1", "z=b", "x=a1", "y=a", "x=own");
        assertThat(s.getAll("x")).containsExactly("b1", "a1", "own");
    }

    @Test
    void templateOfATemplateAndTemplateFlagAnywhereInTheList() {
        Config config = parse(
                "[base](!)", "type=friend",
                "[mid](base,!)", "context=phones",
                "[leaf](MID)", "secret=s");
        assertThat(config.problems()).isEmpty();
        assertThat(config.sections()).extracting(ConfigSection::isTemplate).containsExactly(true, true, false);
        assertThat(config.sections().get(1).templates()).containsExactly("base");
        ConfigSection leaf = config.section("leaf");
        assertThat(leaf.templates()).containsExactly("mid");
        assertThat(entries(leaf)).containsExactly("type=friend", "context=phones", "secret=s");
    }

    @Test
    void inheritanceCopiesTheBaseAsItStandsAtTheHeader() {
        Config config = parse("[Base]", "a=1", "[x](base)", "[base](+)", "b=2", "[x](+)", "c=3");
        assertThat(config.problems()).isEmpty();
        assertThat(config.sections()).extracting(ConfigSection::name).containsExactly("Base", "x");
        assertThat(config.section("x").templates()).containsExactly("Base");
        assertThat(entries(config.section("x"))).containsExactly("a=1", "c=3");
        assertThat(entries(config.section("base"))).containsExactly("a=1", "b=2");
    }

    @Test
    void appendAddsToTheFirstSectionOfThatName() {
        Config config = parse("[general]", "a=1", "[other]", "o=1", "[GENERAL](+)", "b=2", "[other]", "o=2");
        assertThat(config.problems()).isEmpty();
        assertThat(config.sections()).extracting(ConfigSection::name).containsExactly("general", "other", "other");
        ConfigSection general = config.section("general");
        assertThat(entries(general)).containsExactly("a=1", "b=2");
        assertThat(general.entries().get(1).line()).isEqualTo(6);
        assertThat(general.line()).isEqualTo(1);
    }

    @Test
    void crlfLineEndingsAndByteOrderMark() {
        Config config = ConfigReader.parse("win.conf", "\uFEFF[general]\r\nkey = v \r\n\r\nk2=>w ; c\r\n", dir);
        assertThat(config.problems()).isEmpty();
        assertThat(entries(config.section("general"))).containsExactly("key=v", "k2=>w");
    }

    @Test
    void latin1FilesAreReadAsLatin1AndUtf8AsUtf8() throws IOException {
        Files.write(dir.resolve("latin1.conf"), "[s]\ncallerid=Jos\u00e9\n".getBytes("ISO-8859-1"));
        Files.writeString(dir.resolve("utf8.conf"), "[s]\ncallerid=Jos\u00e9 \u2713\n");
        assertThat(ConfigReader.read(dir, "latin1.conf").section("s").get("callerid")).isEqualTo("Jos\u00e9");
        assertThat(ConfigReader.read(dir, "utf8.conf").section("s").get("callerid")).isEqualTo("Jos\u00e9 \u2713");
    }

    @Test
    void readTakesTheFileFromTheDirectory() throws IOException {
        Files.writeString(dir.resolve("x.conf"), "[s]\na=1\n");
        Config config = ConfigReader.read(dir, "x.conf");
        assertThat(config.problems()).isEmpty();
        assertThat(config.section("s").entries()).containsExactly(new ConfigEntry("a", "1", false, "x.conf", 2));
    }

    @Test
    void resultsAreImmutable() {
        Config config = parse("[s]", "a=1");
        ConfigSection s = config.section("s");
        assertThatThrownBy(() -> config.sections().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.problems().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.templates().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.getAll("a").clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
