package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Frame.VoiceFrame;
import org.switchboard.media.sound.SoundFixture;

/** What Record() and VoiceMail write: any codec's frames as 8 kHz slin, a tone kept at its frequency. */
class SlinConverterTest {
    /** One second of a 440 Hz tone in 20 ms frames of {@code codec}, through the converter. */
    private static short[] toneThrough(String codec) {
        int rate = Codecs.sampleRate(codec);
        short[] tone = SoundFixture.sine(440, 1000, rate);
        Transcoder enc = new Transcoder(Codecs.create("slin" + (rate == 8000 ? "" : Integer.toString(rate / 1000))), Codecs.create(codec));
        SlinConverter conv = new SlinConverter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = rate / 50;
        for (int off = 0; off + n <= tone.length; off += n) {
            byte[] pcm = new byte[n * 2];
            SlinCodec.toBytes(tone, off, n, pcm, 0);
            String slinName = rate == 8000 ? "slin" : "slin" + rate / 1000;
            VoiceFrame f = enc.transcode(new VoiceFrame(slinName, pcm, n));
            byte[] slin = conv.toSlin(f);
            assertThat(slin).as("a %s frame as slin", codec).isNotNull();
            out.writeBytes(slin);
        }
        return SoundFixture.samples(out.toByteArray());
    }

    @Test
    void opusAt48kHzBecomes8kHzSlinWithTheToneAtItsFrequency() {
        short[] s = toneThrough("opus");
        assertThat(s.length).as("one second at 8 kHz").isBetween(7600, 8000);
        assertThat(SoundFixture.goertzel(s, 440, 8000)).isGreaterThan(SoundFixture.goertzel(s, 1000, 8000) * 10).isGreaterThan(0.3);
    }

    @Test
    void g722AndG711AreDecodedToo() {
        for (String codec : new String[] {"g722", "ulaw", "alaw"}) {
            short[] s = toneThrough(codec);
            assertThat(s.length).as(codec).isEqualTo(8000);
            assertThat(SoundFixture.goertzel(s, 440, 8000)).as(codec).isGreaterThan(0.3);
        }
    }

    @Test
    void slinPassesAsItIs() {
        byte[] p = {1, 2, 3, 4};
        assertThat(new SlinConverter().toSlin(new VoiceFrame("slin", p, 2))).isSameAs(p);
    }

    @Test
    void anUnknownCodecOrAPayloadThatDoesNotDecodeGivesNothing() {
        SlinConverter conv = new SlinConverter();
        assertThat(conv.toSlin(new VoiceFrame("g729", new byte[20], 160))).isNull();
        // an Opus TOC byte announcing a code-3 packet with no frame count: malformed (RFC 6716 §3.2.5)
        assertThat(conv.toSlin(new VoiceFrame("opus", new byte[] {(byte) 0x03}, 960))).isNull();
    }
}
