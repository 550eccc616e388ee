package org.switchboard.media.ogg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.sound.SoundFile;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.media.sound.SoundFormat;

/** Ogg pages (RFC 3533) and Ogg Opus files (RFC 7845): round trips, an independent decoder, and broken files. */
class OggOpusTest {
    @TempDir Path tmp;

    @Test
    void pagesRoundTripWithLacingAcrossTheSegmentBoundary() {
        OggPageWriter w = new OggPageWriter(0x1234);
        byte[] big = new byte[600], exact = new byte[255], empty = new byte[0];
        for (int i = 0; i < big.length; i++) big[i] = (byte) i;
        w.page(List.of(big, exact, empty), 42, OggPage.BOS);
        w.page(List.of(new byte[] {7}), 99, OggPage.EOS);
        OggPageReader.Result r = OggPageReader.read(w.bytes());
        assertThat(r.problem()).isNull();
        assertThat(r.pages()).extracting(OggPage::granule).containsExactly(42L, 99L);
        assertThat(r.pages()).extracting(OggPage::sequence).containsExactly(0, 1);
        assertThat(r.pages().get(0).bos()).isTrue();
        assertThat(r.pages().get(1).eos()).isTrue();
        assertThat(r.packets()).containsExactly(big, exact, empty, new byte[] {7});
    }

    @Test
    void theCrcIsOggsNotJavaUtilZips() {
        // RFC 3533 §6 / libogg: the CRC of the 4 bytes "OggS" with the direct (unreflected) table
        assertThat(OggCrc.of("OggS".getBytes(), 0, 4)).isEqualTo(0x5fb0a94f);
    }

    @Test
    void aToneSurvivesEncodingAndComesBackAtFortyEightKilohertzWithItsLength() {
        short[] tone = SoundFixture.sine(1000, 2000, 8000);
        byte[] ogg = OggOpusWriter.encode(tone, 8000, 24000, "Voicemail from 0000FFFF0001");
        OggOpusReader.Decoded d = OggOpusReader.decode(ogg);
        assertThat(d.problem()).isNull();
        assertThat(d.inputRate()).isEqualTo(8000);
        assertThat(d.pcm().length).isEqualTo(2000 * 48);                   // trimmed to exactly 2 s
        assertThat(d.finalGranule()).isEqualTo(d.preSkip() + 2000 * 48);
        short[] middle = java.util.Arrays.copyOfRange(d.pcm(), 24000, 72000);
        assertThat(SoundFixture.goertzel(middle, 1000, 48000)).isGreaterThan(0.8);
        assertThat(SoundFixture.goertzel(middle, 700, 48000)).isLessThan(0.05);
    }

    @Test
    void opusdecFromOpusToolsPlaysOurFile() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/opusdec")), "apt-get install opus-tools");
        Path in = tmp.resolve("vm.opus"), out = tmp.resolve("vm.wav");
        Files.write(in, OggOpusWriter.encode(SoundFixture.sine(440, 3000, 8000), 8000, 24000, null));
        Process p = new ProcessBuilder("opusdec", "--rate", "8000", in.toString(), out.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(said).isZero();
        SoundFile wav = SoundFile.read(out, SoundFormat.WAV);
        assertThat(wav.durationMs()).isBetween(2980L, 3020L);
        short[] s = SoundFixture.samples(wav.slin());
        assertThat(SoundFixture.goertzel(java.util.Arrays.copyOfRange(s, 4000, 20000), 440, 8000)).isGreaterThan(0.8);
    }

    @Test
    void aRateOpusDoesNotTakeIsResampledFirst() {
        OggOpusReader.Decoded d = OggOpusReader.decode(OggOpusWriter.encode(SoundFixture.sine(500, 1000, 32000), 32000, 24000, null));
        assertThat(d.problem()).isNull();
        assertThat(d.inputRate()).isEqualTo(48000);
        assertThat(d.pcm().length).isBetween(47000, 48100);
        assertThat(SoundFixture.goertzel(java.util.Arrays.copyOfRange(d.pcm(), 10000, 40000), 500, 48000)).isGreaterThan(0.8);
    }

    @Test
    void brokenFilesAreProblemsNotExceptions() {
        byte[] ogg = OggOpusWriter.encode(SoundFixture.sine(1000, 500, 8000), 8000, 24000, null);
        byte[] flipped = ogg.clone();
        flipped[ogg.length - 3] ^= 0x55;
        assertThat(OggOpusReader.decode(flipped).problem()).startsWith("bad CRC");
        assertThat(OggOpusReader.decode(java.util.Arrays.copyOf(ogg, ogg.length - 10)).problem()).startsWith("truncated page body");
        assertThat(OggOpusReader.decode("RIFF....WAVE".getBytes()).problem()).startsWith("no OggS");
        assertThat(OggOpusReader.decode(new byte[0]).problem()).isEqualTo("no Ogg pages");
        OggPageWriter w = new OggPageWriter(1);
        w.page(List.of("OpusHeadxxxxxxxxxxx".getBytes()), 0, OggPage.BOS);
        assertThat(OggOpusReader.decode(w.bytes()).problem()).isEqualTo("no OpusTags");
    }
}
