package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.core.Frame.VoiceFrame;

class CodecTranscoderTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ulaw, g722", "g722, ulaw", "ulaw, alaw", "alaw, slin16", "slin, ulaw", "slin16, slin", "ulaw, opus",
        "opus, alaw", "g722, opus", "slin48, g722"})
    void aToneInIsTheSameToneOut(String from, String to) {
        int fromRate = Codecs.sampleRate(from), toRate = Codecs.sampleRate(to);
        List<VoiceFrame> source = frames(from, Goertzel.tone(1000, fromRate, fromRate, 8000));
        Transcoder t = new Transcoder(from, to);
        Codec sink = Codecs.create(to);
        short[] pcm = new short[toRate];
        int n = 0;
        for (VoiceFrame f : source) {
            VoiceFrame out = t.transcode(f);
            assertThat(out.codec()).isEqualTo(to);
            assertThat(out.samples()).isEqualTo(toRate / 50);
            n += sink.decode(out.payload(), 0, out.payload().length, pcm, n);
        }
        assertThat(n).isEqualTo(toRate);
        int skip = toRate / 5;
        assertThat(Goertzel.energyRatio(pcm, skip, toRate - skip, 1000, toRate)).isGreaterThan(0.9);
        assertThat(Goertzel.strongest(pcm, skip, toRate - skip, toRate, 500, 800, 1000, 1200, 2000)).isEqualTo(1000.0);
    }

    @Test
    void slinFramesAreLittleEndianAndRatesFollowAsterisk() {
        byte[] b = new byte[4];
        SlinCodec.toBytes(new short[] {0x1234, -2}, 0, 2, b, 0);
        assertThat(b).containsExactly(0x34, 0x12, 0xFE, 0xFF);
        short[] s = new short[2];
        assertThat(Codecs.create("slin16").decode(b, 0, 4, s, 0)).isEqualTo(2);
        assertThat(s).containsExactly((short) 0x1234, (short) -2);
        assertThat(Codecs.NAMES).allSatisfy(n -> assertThat(Codecs.create(n).sampleRate()).isEqualTo(Codecs.sampleRate(n)));
        assertThat(Codecs.create("opus").rtpClockRate()).isEqualTo(48000);
        assertThat(Codecs.create("g722").rtpClockRate()).isEqualTo(8000);
    }

    @Test
    void sameCodecPassesTheFrameThrough() {
        VoiceFrame f = new VoiceFrame("ulaw", new byte[160], 160);
        assertThat(new Transcoder("alaw", "ulaw").transcode(f)).isSameAs(f);
    }

    @Test
    void wrongInputCodecIsRefused() {
        assertThatThrownBy(() -> new Transcoder("alaw", "g722").transcode(new VoiceFrame("ulaw", new byte[160], 160)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alaw->g722");
        assertThatThrownBy(() -> Codecs.create("g729")).hasMessageContaining("unknown codec 'g729'");
    }

    @Test
    void byteArrayPathWritesIntoTheCallersBuffer() {
        Transcoder t = new Transcoder("ulaw", "g722");
        byte[] in = new byte[160];
        java.util.Arrays.fill(in, (byte) 0xFF);
        byte[] out = new byte[400];
        assertThat(t.maxOutput(in, 0, 160)).isGreaterThanOrEqualTo(160);
        assertThat(t.transcode(in, 0, 160, out, 40)).isEqualTo(160);
        assertThat(t.lastSamples()).isEqualTo(320);
    }

    @Test
    void opusRefusesFrameSizesItCannotCarry() {
        VoiceFrame thirtyMs = new VoiceFrame("ulaw", new byte[240], 240); // 1440 samples at 48 kHz
        VoiceFrame out = new Transcoder("ulaw", "opus").transcode(thirtyMs);
        assertThat(out.samples()).isZero();
        assertThat(out.payload()).isEmpty();
    }

    @Test
    void badOpusPayloadIsAnEmptyFrameNotAnException() {
        VoiceFrame out = new Transcoder("opus", "ulaw").transcode(new VoiceFrame("opus", new byte[] {0x03, 0x00}, 960));
        assertThat(out.samples()).isZero();
    }

    static List<VoiceFrame> frames(String codec, short[] pcm) {
        Codec c = Codecs.create(codec);
        int per = c.sampleRate() / 50;
        List<VoiceFrame> list = new ArrayList<>();
        for (int off = 0; off + per <= pcm.length; off += per) {
            byte[] buf = new byte[c.maxEncodedBytes(per)];
            int n = c.encode(pcm, off, per, buf, 0);
            list.add(new VoiceFrame(codec, java.util.Arrays.copyOf(buf, n), per));
        }
        return list;
    }
}
