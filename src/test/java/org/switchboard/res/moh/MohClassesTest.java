package org.switchboard.res.moh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.config.ConfigReader;
import org.switchboard.core.PbxLog;

/** musiconhold.conf as res_musiconhold reads it: classes, their files in order, and each bad line named by file:line. */
class MohClassesTest {
    @TempDir Path data;
    final List<String> log = new CopyOnWriteArrayList<>();
    final Consumer<PbxLog.Line> sink = l -> log.add(l.text());

    @BeforeEach
    void tap() throws Exception {
        PbxLog.addSink(sink);
        Path moh = Files.createDirectories(data.resolve("moh"));
        Files.write(moh.resolve("b-second.wav"), new byte[0]);
        Files.write(moh.resolve("a-first.ulaw"), new byte[0]);
        Files.writeString(moh.resolve("readme.txt"), "not audio");
    }

    @AfterEach
    void untap() { PbxLog.removeSink(sink); }

    MohClasses parse(String text) { return MohClasses.parse(ConfigReader.parse("musiconhold.conf", text, data), data); }

    @Test
    void filesModePlaysEveryPlayableFileOfTheFolderByNameRelativeToTheDataDirectory() {
        MohClasses c = parse("[default]\nmode=files\ndirectory=moh\n\n[Jazz]\ndirectory=" + data.resolve("moh") + "\nsort=random\n");
        assertThat(c.get("default").files()).extracting(p -> p.getFileName().toString()).containsExactly("a-first.ulaw", "b-second.wav");
        assertThat(c.get("default").random()).isFalse();
        assertThat(c.get("jazz").name()).as("class names are case-insensitive").isEqualTo("Jazz");
        assertThat(c.get("jazz").random()).isTrue();
        assertThat(c.get("nosuch")).isNull();
    }

    @Test
    void playlistModePlaysItsEntriesInOrderWithOrWithoutExtension() {
        MohClasses c = parse("[list]\nmode=playlist\nentry=moh/b-second\nentry=moh/a-first.ulaw\nentry=moh/missing\n");
        assertThat(c.get("list").files()).extracting(p -> p.getFileName().toString()).containsExactly("b-second.wav", "a-first.ulaw");
        assertThat(log).anyMatch(l -> l.contains("musiconhold.conf:5") && l.contains("no playable file moh/missing"));
    }

    @Test
    void whatCannotBePlayedIsLeftOutWithItsFileAndLine() {
        MohClasses c = parse("""
            [mp3s]
            mode=custom
            application=/usr/bin/mpg123 -q -r 8000 -f 8192 --mono -s

            [nodir]
            mode=files

            [gone]
            directory=does/not/exist

            [empty]
            directory=.
            """);
        assertThat(c.all()).containsOnlyKeys("empty");
        assertThat(c.get("empty").files()).isEmpty();
        assertThat(log).anyMatch(l -> l.contains("musiconhold.conf:1") && l.contains("mode=custom"));
        assertThat(log).anyMatch(l -> l.contains("musiconhold.conf:5") && l.contains("has no directory="));
        assertThat(log).anyMatch(l -> l.contains("musiconhold.conf:9") && l.contains("is not a folder"));
        assertThat(log).anyMatch(l -> l.contains("musiconhold.conf:11") && l.contains("plays silence"));
    }
}
