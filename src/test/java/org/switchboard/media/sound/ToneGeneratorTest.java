package org.switchboard.media.sound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.config.ConfigReader;

/** Tone lists of indications.conf, the audio they make, and the zones. */
class ToneGeneratorTest {
    private static short[] frames(ToneGenerator g, int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] f = g.nextFrame();
            if (f == null) break;
            out.add(f);
        }
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        out.forEach(b::writeBytes);
        return SoundFixture.samples(b.toByteArray());
    }

    @Test
    void parsesAsteriskToneLists() {
        assertThat(ToneGenerator.parse("350+440")).containsExactly(new ToneGenerator.Part(350, 440, 0, false));
        assertThat(ToneGenerator.parse("!480+620/500, 0/500")).containsExactly(
                new ToneGenerator.Part(480, 620, 500, true), new ToneGenerator.Part(0, 0, 500, false));
        assertThat(ToneGenerator.parse("M69/100").get(0).freq1()).isEqualTo(440.0);
        assertThatThrownBy(() -> ToneGenerator.parse("abc/100")).hasMessageContaining("'abc/100' is not a tone");
        assertThatThrownBy(() -> ToneGenerator.parse(" , ")).hasMessageContaining("empty");
    }

    @Test
    void dialToneHasBothFrequenciesAndNoOther() {
        short[] s = frames(ToneGenerator.of("350+440"), 25);
        assertThat(s).hasSize(4000);
        assertThat(SoundFixture.goertzel(s, 350, 8000)).isGreaterThan(0.4);
        assertThat(SoundFixture.goertzel(s, 440, 8000)).isGreaterThan(0.4);
        assertThat(SoundFixture.goertzel(s, 620, 8000)).isLessThan(0.01);
    }

    @Test
    void busyCadenceIsHalfASecondOnHalfASecondOffAndRepeats() {
        short[] s = frames(ToneGenerator.of("480+620/500,0/500"), 100);
        assertThat(s).hasSize(16000);
        assertThat(rms(s, 0, 4000)).isGreaterThan(3000);
        assertThat(rms(s, 4000, 8000)).isZero();
        assertThat(rms(s, 8000, 12000)).isGreaterThan(3000);
        assertThat(rms(s, 12000, 16000)).isZero();
    }

    @Test
    void partsMarkedOnceAreNotRepeatedAndAListOfThemEnds() {
        ToneGenerator g = ToneGenerator.of("!950/100,!1400/100");
        assertThat(frames(g, 100)).hasSize(1600);
        assertThat(g.isFinished()).isTrue();
        assertThat(g.nextFrame()).isNull();
        short[] info = frames(ToneGenerator.of("!950/330,!1400/330,!1800/330,0"), 100);
        assertThat(info).hasSize(16000);
        assertThat(rms(info, 8 * 990 + 8, 16000)).isZero();
    }

    @Test
    void builtInZonesAndTheShippedIndicationsConf() {
        Indications builtIn = Indications.builtIn();
        assertThat(builtIn.defaultCountry()).isEqualTo("us");
        assertThat(builtIn.tone("us", "busy")).contains("480+620/500,0/500");
        assertThat(builtIn.tone("uk", "ring")).contains("400+450/400,0/200,400+450/400,0/2000");
        assertThat(builtIn.zone("nowhere").country()).isEqualTo("us");
        assertThat(builtIn.zone("uk").ringCadence()).containsExactly(400, 200, 400, 2000);
        assertThat(builtIn.resolve(null, "congestion")).isEqualTo("480+620/250,0/250");
        assertThat(builtIn.resolve(null, "425/100")).isEqualTo("425/100");

        Indications shipped = Indications.parse(ConfigReader.read(Path.of("conf"), "indications.conf"));
        assertThat(shipped.zones()).containsKeys("us", "uk", "de", "fr");
        for (Indications.Zone z : shipped.zones().values()) {
            assertThat(z.tones()).as(z.country()).containsKeys("dial", "busy", "ring", "congestion");
        }
        assertThat(shipped.zone("uk").tone("busy")).contains("400/375,0/375");
    }

    private static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) sum += (double) s[i] * s[i];
        return Math.sqrt(sum / (to - from));
    }
}
