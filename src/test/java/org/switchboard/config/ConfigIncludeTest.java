package org.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.config.ConfigReaderTest.entries;
import static org.switchboard.config.ConfigReaderTest.problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #include, #tryinclude, globs, loops, and #exec. */
class ConfigIncludeTest {

    @TempDir
    Path dir;

    private void write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    @Test
    void includedLinesContinueTheOpenSectionAndTheIncluderKeepsItsOwn() throws IOException {
        write("main.conf",
                "[general]",
                "a=1",
                "#include \"inc/extra.conf\"",
                "b=2",
                "[later]",
                "#include <inc/tail.conf>",
                "  #INCLUDE   inc/tail.conf  ; twice, and the directive's case does not matter");
        write("inc/extra.conf", "c=3", "[fromInclude]", "d=4");
        write("inc/tail.conf", "e=5");
        Config config = ConfigReader.read(dir, "main.conf");
        assertThat(config.problems()).isEmpty();
        assertThat(config.sections()).extracting(ConfigSection::name)
                .containsExactly("general", "fromInclude", "later");
        ConfigSection general = config.section("general");
        assertThat(entries(general)).containsExactly("a=1", "c=3", "b=2");
        assertThat(general.entries().get(1)).isEqualTo(new ConfigEntry("c", "3", false, "inc/extra.conf", 1));
        assertThat(general.entries().get(2)).isEqualTo(new ConfigEntry("b", "2", false, "main.conf", 4));
        assertThat(config.section("fromInclude").file()).isEqualTo("inc/extra.conf");
        assertThat(config.section("fromInclude").line()).isEqualTo(2);
        assertThat(entries(config.section("later"))).containsExactly("e=5", "e=5");
    }

    @Test
    void includePathsAreRelativeToTheConfigDirectoryNotTheIncludingFile() throws IOException {
        write("main.conf", "[s]", "#include conf.d/a.conf");
        write("conf.d/a.conf", "#include conf.d/b.conf", "#include b.conf", "#include ../outside.conf");
        write("conf.d/b.conf", "from_b=1");
        Config config = ConfigReader.read(dir, "main.conf");
        assertThat(problems(config)).containsExactly(
                "conf.d/a.conf:2: #include 'b.conf': no such file",
                "conf.d/a.conf:3: #include '../outside.conf': no such file");
        assertThat(config.section("s").entries()).containsExactly(
                new ConfigEntry("from_b", "1", false, "conf.d/b.conf", 1));
    }

    @Test
    void absolutePathsAreReadAsGiven() throws IOException {
        write("elsewhere/abs.conf", "[abs]", "x=1");
        Config config = ConfigReader.parse("main.conf",
                "#include " + dir.resolve("elsewhere/abs.conf").toAbsolutePath() + "\n", dir.resolve("etc"));
        assertThat(config.problems()).isEmpty();
        assertThat(config.section("abs").get("x")).isEqualTo("1");
    }

    @Test
    void globIncludesMatchingFilesInSortedOrderSkippingDotFiles() throws IOException {
        write("main.conf", "#include conf.d/*.conf", "#include c*/sub/?.conf");
        write("conf.d/20-b.conf", "[b]");
        write("conf.d/10-a.conf", "[a]");
        write("conf.d/.hidden.conf", "[hidden]");
        write("conf.d/readme.txt", "[txt]");
        write("conf.d/sub/z.conf", "[z]");
        write("conf.d/sub/y.conf", "[y]");
        Files.createDirectories(dir.resolve("conf.d/dir.conf"));
        Config config = ConfigReader.read(dir, "main.conf");
        assertThat(config.problems()).isEmpty();
        assertThat(config.sections()).extracting(ConfigSection::name).containsExactly("a", "b", "y", "z");
        assertThat(config.sections()).extracting(ConfigSection::file).containsExactly(
                "conf.d/10-a.conf", "conf.d/20-b.conf", "conf.d/sub/y.conf", "conf.d/sub/z.conf");
    }

    @Test
    void braceAlternativesInAGlob() throws IOException {
        write("main.conf", "#include {users,trunks}.conf");
        write("users.conf", "[u]");
        write("trunks.conf", "[t]");
        write("other.conf", "[o]");
        Config config = ConfigReader.read(dir, "main.conf");
        assertThat(config.sections()).extracting(ConfigSection::name).containsExactly("t", "u");
    }

    @Test
    void missingIncludeIsAProblemButMissingTryincludeIsNot() throws IOException {
        write("main.conf",
                "[s]",
                "#include nosuch.conf",
                "#tryinclude nosuch.conf",
                "#include nodir/*.conf",
                "#tryinclude nodir/*.conf",
                "#tryinclude \"present.conf\"",
                "after=1");
        write("present.conf", "p=1");
        Config config = ConfigReader.read(dir, "main.conf");
        assertThat(problems(config)).containsExactly(
                "main.conf:2: #include 'nosuch.conf': no such file",
                "main.conf:4: #include 'nodir/*.conf': no file matches");
        assertThat(entries(config.section("s"))).containsExactly("p=1", "after=1");
    }

    @Test
    void includeLoopIsReportedAndEachFileReadOnce() throws IOException {
        write("a.conf", "[a]", "#include b.conf", "a2=1");
        write("b.conf", "[b]", "#include a.conf", "#include ./a.conf");
        Config config = ConfigReader.read(dir, "a.conf");
        assertThat(problems(config)).containsExactly(
                "b.conf:2: #include loop: a.conf -> b.conf -> a.conf",
                "b.conf:3: #include loop: a.conf -> b.conf -> a.conf");
        assertThat(config.sections()).extracting(ConfigSection::name).containsExactly("a", "b");
        assertThat(entries(config.section("a"))).containsExactly("a2=1");
    }

    @Test
    void fileIncludingItselfThroughAGlobIsALoop() throws IOException {
        write("self.conf", "[s]", "#include *.conf");
        write("other.conf", "o=1");
        Config config = ConfigReader.read(dir, "self.conf");
        assertThat(problems(config)).containsExactly("self.conf:2: #include loop: self.conf -> self.conf");
        assertThat(entries(config.section("s"))).containsExactly("o=1");
    }

    @Test
    void includesNestAtMostTenDeepAsInAsterisk() throws IOException {
        for (int i = 0; i <= 11; i++) {
            write("f" + i + ".conf", "#include f" + (i + 1) + ".conf", "[s" + i + "]");
        }
        Config config = ConfigReader.read(dir, "f0.conf");
        assertThat(problems(config)).containsExactly(
                "f10.conf:1: #include 'f11.conf': more than 10 levels of nested #include");
        assertThat(config.sections()).hasSize(11);
        assertThat(config.section("s10")).isNotNull();
        assertThat(config.section("s11")).isNull();
    }

    @Test
    void templatesAreSharedAcrossIncludedFiles() throws IOException {
        write("sip.conf", "#include templates.conf", "[1001](phone)", "secret=x");
        write("templates.conf", "[phone](!)", "type=friend");
        Config config = ConfigReader.read(dir, "sip.conf");
        assertThat(config.problems()).isEmpty();
        assertThat(entries(config.section("1001"))).containsExactly("type=friend", "secret=x");
        assertThat(config.section("1001").entries().get(0).file()).isEqualTo("templates.conf");
    }

    @Test
    void includedFileContinuesTheSectionLastAppendedTo() throws IOException {
        write("main.conf", "[a]", "[b]", "[a](+)", "#include bare.conf", "[c]", "#include bare.conf");
        write("bare.conf", "k=v");
        Config config = ConfigReader.read(dir, "main.conf");
        assertThat(config.problems()).isEmpty();
        assertThat(entries(config.section("a"))).containsExactly("k=v");
        assertThat(config.section("b").entries()).isEmpty();
        assertThat(entries(config.section("c"))).containsExactly("k=v");
    }

    @Test
    void includedFileWithoutASectionOutsideAnySectionIsAProblemThere() throws IOException {
        write("main.conf", "#include bare.conf", "[s]");
        write("bare.conf", "k=v");
        Config config = ConfigReader.read(dir, "main.conf");
        assertThat(problems(config)).containsExactly(
                "bare.conf:1: line is outside any section: 'k=v' (a [section] header must come first)");
    }

    @Test
    void execIsNeverRun() throws IOException {
        Path marker = dir.resolve("ran");
        write("main.conf", "[s]", "#exec /usr/bin/touch " + marker, "#exec \"/bin/echo [x]\"", "#exec", "k=v");
        Config config = ConfigReader.read(dir, "main.conf");
        assertThat(problems(config)).containsExactly(
                "main.conf:2: #exec is disabled; not run: /usr/bin/touch " + marker,
                "main.conf:3: #exec is disabled; not run: \"/bin/echo [x]\"",
                "main.conf:4: #exec is disabled; not run: (no command)");
        assertThat(marker).doesNotExist();
        assertThat(config.sections()).extracting(ConfigSection::name).containsExactly("s");
        assertThat(entries(config.section("s"))).containsExactly("k=v");
    }

    @Test
    void unknownDirectivesAndMissingArguments() {
        Config config = ConfigReader.parse("main.conf", "[s]\n#define x 1\n#include\n#tryinclude   \n", dir);
        assertThat(problems(config)).containsExactly(
                "main.conf:2: unknown directive '#define'",
                "main.conf:3: #include needs a file name",
                "main.conf:4: #tryinclude needs a file name");
    }

    @Test
    void parseWithoutAConfigDirectoryFindsNoIncludes() {
        Config config = ConfigReader.parse("main.conf", "[s]\n#include x.conf\n#tryinclude y.conf\n", null);
        assertThat(problems(config)).containsExactly("main.conf:2: #include 'x.conf': no such file");
    }

    @Test
    void commentedOutIncludeIsNotRead() throws IOException {
        write("main.conf", "[s]", ";#include x.conf", ";--", "#include x.conf", "--;");
        Config config = ConfigReader.read(dir, "main.conf");
        assertThat(config.problems()).isEmpty();
    }
}
