package org.switchboard.media.sound;

import org.switchboard.media.codec.G711;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing the sound file formats, and finding prompts the way Asterisk does. */
class SoundFileTest {
    @TempDir Path tmp;

    @Test
    void readsPcmWavAt8And16kHz() throws IOException {
        short[] tone = SoundFixture.sine(400, 100, 8000);
        SoundFile f8 = SoundFile.read(SoundFixture.wav(tmp.resolve("a.wav"), tone, 8000), SoundFormat.WAV);
        assertThat(f8.samples()).isEqualTo(800);
        assertThat(SoundFixture.samples(f8.slin())).containsExactly(tone);

        SoundFile f16 = SoundFile.read(SoundFixture.wav(tmp.resolve("b.wav"), SoundFixture.sine(400, 100, 16000), 16000), SoundFormat.WAV);
        assertThat(f16.samples()).isEqualTo(800);
        assertThat(SoundFixture.goertzel(SoundFixture.samples(f16.slin()), 400, 8000)).isGreaterThan(0.9);
    }

    @Test
    void g711RoundTripsWithinItsQuantisation() {
        for (int v = -32768; v <= 32767; v += 7) {
            short s = (short) v;
            int tolerance = Math.max(16, Math.abs(v) / 16);
            assertThat((int) G711.ulawToLinear(G711.linearToUlaw(s))).as("ulaw %d", v).isCloseTo(v, org.assertj.core.data.Offset.offset(tolerance));
            assertThat((int) G711.alawToLinear(G711.linearToAlaw(s))).as("alaw %d", v).isCloseTo(v, org.assertj.core.data.Offset.offset(tolerance));
        }
        assertThat(G711.linearToUlaw((short) 0)).isEqualTo((byte) 0xff);
        assertThat(G711.linearToAlaw((short) 0)).isEqualTo((byte) 0xd5);
    }

    @Test
    void writerProducesWavAndRawFilesTheReaderReadsBack() throws IOException {
        byte[] slin = SoundFile.toBytes(SoundFixture.sine(1000, 200, 8000));
        for (SoundFormat f : new SoundFormat[] {SoundFormat.WAV, SoundFormat.SLN, SoundFormat.ULAW, SoundFormat.ALAW}) {
            Path p = tmp.resolve("rec." + f.extension());
            try (SoundWriter w = SoundWriter.open(p, f, false)) {
                w.write(slin);
            }
            try (SoundWriter w = SoundWriter.open(p, f, true)) {   // append continues the file
                w.write(slin);
                assertThat(w.samples()).isEqualTo(3200);
                w.truncate(2400);
            }
            SoundFile back = SoundFile.read(p, f);
            assertThat(back.samples()).as(f.name()).isEqualTo(2400);
            assertThat(SoundFixture.goertzel(SoundFixture.samples(back.slin()), 1000, 8000)).as(f.name()).isGreaterThan(0.9);
        }
        assertThat(Files.size(tmp.resolve("rec.wav"))).isEqualTo(44 + 4800);
    }

    @Test
    void aBrokenFileSaysWhy() throws IOException {
        Files.writeString(tmp.resolve("x.wav"), "not a wav");
        assertThatThrownBy(() -> SoundFile.read(tmp.resolve("x.wav"), SoundFormat.WAV)).hasMessageContaining("not a RIFF/WAVE file");
    }

    @Test
    void promptsAreFoundInTheLanguageThenEnglishThenTheTopFolder() throws IOException {
        SoundLibrary lib = new SoundLibrary(tmp);
        short[] s = new short[80];
        SoundFixture.wav(tmp.resolve("fr/digits/1.wav"), s, 8000);
        SoundFixture.wav(tmp.resolve("en/digits/1.wav"), s, 8000);
        SoundFixture.wav(tmp.resolve("en/digits/2.wav"), s, 8000);
        Files.write(tmp.resolve("custom.sln"), new byte[160]);
        Files.write(tmp.resolve("en/both.ulaw"), new byte[80]);
        SoundFixture.wav(tmp.resolve("en/both.wav"), s, 8000);

        assertThat(lib.find("digits/1", "fr").orElseThrow().path()).isEqualTo(tmp.resolve("fr/digits/1.wav"));
        assertThat(lib.find("digits/2", "fr").orElseThrow().path()).isEqualTo(tmp.resolve("en/digits/2.wav"));
        assertThat(lib.find("custom", "en").orElseThrow().display()).isEqualTo("custom.sln");
        assertThat(lib.find("both", "en").orElseThrow().format()).isEqualTo(SoundFormat.WAV);
        assertThat(lib.find(tmp.resolve("en/both").toString(), "en")).isPresent();
        assertThat(lib.find("digits/1.wav", "en").orElseThrow().name()).isEqualTo("digits/1");
        assertThat(lib.find("nothing", "en")).isEmpty();
        assertThat(lib.resolveForWriting("voicemail/msg0000", SoundFormat.WAV)).isEqualTo(tmp.resolve("voicemail/msg0000.wav"));
        assertThat(lib.resolveForWriting("/var/x", SoundFormat.SLN)).isEqualTo(Path.of("/var/x.sln"));
    }

    @Test
    void theShippedPromptListCoversTheSeedDialplanAndHasNoDuplicates() throws IOException {
        Path list = Path.of("sounds/prompts.txt");
        assertThat(list).exists();
        java.util.List<String> names = Files.readAllLines(list).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")[0]).toList();
        assertThat(names).doesNotHaveDuplicates();
        assertThat(names).contains("silence/1", "silence/10", "user", "is-curntly-unavail", "pls-wait-connect-call",
                "if-correct-press", "otherwise-press", "dir-nomore", "digits/0", "digits/20", "digits/90",
                "digits/hundred", "digits/thousand", "digits/million", "letters/a", "letters/z", "beep", "vm-intro");
        for (String n : names) {
            if (!n.startsWith("silence/") && !n.equals("beep")) {
                assertThat(Files.readAllLines(list)).as(n).anyMatch(l -> l.startsWith(n + "\t") && l.length() > n.length() + 1);
            }
        }
    }
}
