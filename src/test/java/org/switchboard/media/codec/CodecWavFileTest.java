package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodecWavFileTest {
    @ParameterizedTest
    @ValueSource(ints = {8000, 16000, 48000})
    void roundTripsThroughAFile(int rate, @TempDir Path dir) throws Exception {
        short[] s = Goertzel.tone(1000, rate, rate / 10, 12000);
        Path f = dir.resolve("t.wav");
        new WavFile(rate, s).write(f);
        assertThat(Files.size(f)).isEqualTo(44 + 2L * s.length);
        WavFile back = WavFile.read(f);
        assertThat(back.sampleRate()).isEqualTo(rate);
        assertThat(back.samples()).isEqualTo(s);
        assertThat(back.slinCodec()).isEqualTo(rate == 8000 ? "slin" : rate == 16000 ? "slin16" : "slin48");
    }

    @Test
    void readsMuLawAndALawWav() throws Exception {
        byte[] data = {(byte) 0xFF, (byte) 0x80, 0x00};
        WavFile u = WavFile.parse(wav(7, 1, 8000, 8, data, true));
        assertThat(u.samples()).containsExactly((short) 0, (short) 32124, (short) -32124);
        WavFile a = WavFile.parse(wav(6, 1, 8000, 8, new byte[] {(byte) 0xD5, (byte) 0xAA}, false));
        assertThat(a.samples()).containsExactly((short) 8, (short) 32256);
    }

    @Test
    void skipsUnknownChunksAndToleratesAStreamedDataSize() throws Exception {
        byte[] w = wav(1, 1, 16000, 16, new byte[] {1, 0, 2, 0}, true);
        ByteBuffer.wrap(w).order(ByteOrder.LITTLE_ENDIAN).putInt(w.length - 8, -1); // size 0xFFFFFFFF
        assertThat(WavFile.parse(w).samples()).containsExactly((short) 1, (short) 2);
    }

    @Test
    void malformedOrUnsupportedFilesSayWhy() {
        assertThatThrownBy(() -> WavFile.parse(new byte[3])).hasMessageContaining("only 3 bytes");
        assertThatThrownBy(() -> WavFile.parse("RIFX0000WAVEfmt ".getBytes())).hasMessageContaining("no RIFF header");
        assertThatThrownBy(() -> WavFile.parse("RIFF0000AVI fmt ".getBytes())).hasMessageContaining("not WAVE");
        assertThatThrownBy(() -> WavFile.parse(wav(1, 2, 8000, 16, new byte[4], false))).hasMessageContaining("2 channels");
        assertThatThrownBy(() -> WavFile.parse(wav(1, 1, 44100, 16, new byte[4], false))).hasMessageContaining("44100 Hz");
        assertThatThrownBy(() -> WavFile.parse(wav(1, 1, 8000, 8, new byte[4], false))).hasMessageContaining("PCM, 8 bits");
        assertThatThrownBy(() -> WavFile.parse(wav(3, 1, 8000, 32, new byte[4], false))).hasMessageContaining("IEEE float");
        byte[] noData = java.util.Arrays.copyOf(wav(1, 1, 8000, 16, new byte[0], false), 36);
        assertThatThrownBy(() -> WavFile.parse(noData)).hasMessageContaining("no data chunk");
        byte[] shortFmt = java.util.Arrays.copyOf(wav(1, 1, 8000, 16, new byte[0], false), 24);
        assertThatThrownBy(() -> WavFile.parse(shortFmt)).hasMessageContaining("fmt chunk too short");
        assertThatThrownBy(() -> WavFile.parse(new byte[12])).isInstanceOf(WavFile.WavFormatException.class);
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.wav");
        Files.write(f, new byte[20]);
        assertThatThrownBy(() -> WavFile.read(f)).hasMessageContaining("bad.wav").hasMessageContaining("RIFF");
    }

    static byte[] wav(int format, int channels, int rate, int bits, byte[] data, boolean extraChunk) {
        int extra = extraChunk ? 8 + 3 + 1 : 0;
        ByteBuffer b = ByteBuffer.allocate(44 + extra + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + extra + data.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) format).putShort((short) channels).putInt(rate)
            .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (extraChunk) b.put("LIST".getBytes()).putInt(3).put(new byte[] {1, 2, 3, 0}); // odd size, padded
        b.put("data".getBytes()).putInt(data.length).put(data);
        return b.array();
    }
}
