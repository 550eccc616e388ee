package org.switchboard.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.switchboard.media.codec.G711;
import org.switchboard.media.codec.Goertzel;
import org.switchboard.media.sound.ToneGenerator;

/** Key presses made by DtmfTones, through G.711 as they travel, are found; speech-like sound and noise are not. */
class DtmfDetectorTest {
    /** What the detector reported: "5+" for a begin, "5-120" for an end after 120 ms. */
    static final class Heard implements DtmfDetector.Listener {
        final List<String> events = new ArrayList<>();
        final StringBuilder keys = new StringBuilder();

        @Override public void begin(char key) { events.add(key + "+"); }

        @Override public void end(char key, int durationMs) {
            events.add(key + "-" + durationMs);
            keys.append(key);
        }
    }

    /** The samples of a generator, through µ-law and back as a phone's G.711 leg carries them. */
    static short[] render(ToneGenerator g) {
        List<Short> out = new ArrayList<>();
        byte[] f;
        while ((f = g.nextFrame()) != null) {
            for (int i = 0; i + 1 < f.length; i += 2) {
                short s = (short) ((f[i] & 0xff) | (f[i + 1] << 8));
                out.add(G711.ulawToLinear(G711.linearToUlaw(s)));
            }
        }
        short[] a = new short[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    static short[] keys(String keys, int ms) {
        List<short[]> parts = new ArrayList<>();
        int n = 0;
        for (char k : keys.toCharArray()) {
            short[] p = render(DtmfTones.press(k, ms));
            parts.add(p);
            n += p.length;
        }
        short[] all = new short[n];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    static Heard detect(short[] pcm, int rate, int chunk) {
        Heard h = new Heard();
        DtmfDetector d = new DtmfDetector(rate, h);
        for (int i = 0; i < pcm.length; i += chunk) d.feed(pcm, i, Math.min(chunk, pcm.length - i));
        d.flush();
        return h;
    }

    @Test void everyKeyOfTheKeypadIsFoundOnceInOrder() {
        Heard h = detect(keys("123A456B789C*0#D", 100), 8000, 160);
        assertThat(h.keys.toString()).isEqualTo("123A456B789C*0#D");
        assertThat(h.events).hasSize(32);
        for (int i = 1; i < h.events.size(); i += 2) {
            int ms = Integer.parseInt(h.events.get(i).substring(2));
            assertThat(ms).as(h.events.get(i)).isBetween(80, 130);
        }
    }

    @Test void theSameKeyTwiceIsTwoPresses() {
        assertThat(detect(keys("55", 80), 8000, 160).keys.toString()).isEqualTo("55");
    }

    @Test void framesOfAnySizeGiveTheSameKeys() {
        short[] pcm = keys("9#0", 120);
        assertThat(detect(pcm, 8000, 7).keys.toString()).isEqualTo("9#0");
        assertThat(detect(pcm, 8000, 320).keys.toString()).isEqualTo("9#0");
    }

    @Test void atSixteenKilohertzToo() { // a G.722 leg decodes to 16 kHz
        short[] pcm = new short[16000 * 15 / 100];
        short[] lo = Goertzel.tone(852, 16000, pcm.length, 6000), hi = Goertzel.tone(1477, 16000, pcm.length, 6000);
        for (int i = 0; i < pcm.length; i++) pcm[i] = (short) (lo[i] + hi[i]);
        assertThat(detect(pcm, 16000, 320).keys.toString()).isEqualTo("9");
    }

    @Test void oneToneAChordOfTwoRowsAndNoiseAreNoKeys() {
        assertThat(detect(Goertzel.tone(1000, 8000, 8000, 8000), 8000, 160).events).isEmpty();
        assertThat(detect(Goertzel.tone(697, 8000, 8000, 8000), 8000, 160).events).isEmpty();
        short[] chord = new short[8000];
        short[] a = Goertzel.tone(697, 8000, 8000, 6000), b = Goertzel.tone(770, 8000, 8000, 6000);
        for (int i = 0; i < chord.length; i++) chord[i] = (short) (a[i] + b[i]);
        assertThat(detect(chord, 8000, 160).events).isEmpty();
        Random r = new Random(7);
        short[] noise = new short[16000];
        for (int i = 0; i < noise.length; i++) noise[i] = (short) (r.nextGaussian() * 4000);
        assertThat(detect(noise, 8000, 160).events).isEmpty();
    }

    @Test void aKeyDrownedInNoiseOrTooQuietIsNotTakenButOneOverModerateNoiseIs() {
        short[] key = keys("7", 200);
        Random r = new Random(3);
        short[] loud = key.clone(), soft = key.clone(), faint = new short[key.length];
        for (int i = 0; i < key.length; i++) {
            loud[i] = (short) Math.max(-32768, Math.min(32767, key[i] + r.nextGaussian() * 9000));
            soft[i] = (short) Math.max(-32768, Math.min(32767, key[i] + r.nextGaussian() * 600));
            faint[i] = (short) (key[i] / 100);
        }
        assertThat(detect(loud, 8000, 160).keys.toString()).isEmpty();
        assertThat(detect(soft, 8000, 160).keys.toString()).isEqualTo("7");
        assertThat(detect(faint, 8000, 160).keys.toString()).isEmpty();
    }

    @Test void theTonesAreQ23sPairs() {
        assertThat(DtmfTones.frequencies('1')).containsExactly(697, 1209);
        assertThat(DtmfTones.frequencies('0')).containsExactly(941, 1336);
        assertThat(DtmfTones.frequencies('d')).containsExactly(941, 1633);
        assertThat(DtmfTones.frequencies('x')).isNull();
        assertThat(DtmfTones.press('x', 100)).isNull();
    }
}
