package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** G.711 against values of the standard's tables (ITU-T G.711 Tables 1a/2a, scaled to 16 bits). */
class G711Test {
    @Test
    void ulawKnownValues() {
        assertThat(G711.linearToUlaw(0) & 0xFF).isEqualTo(0xFF);
        assertThat(G711.linearToUlaw(32767) & 0xFF).isEqualTo(0x80);
        assertThat(G711.linearToUlaw(-32768) & 0xFF).isEqualTo(0x00);
        assertThat(G711.linearToUlaw(-32767) & 0xFF).isEqualTo(0x00);
        assertThat(G711.ulawToLinear(0xFF)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear(0x7F)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear(0x80)).isEqualTo((short) 32124);
        assertThat(G711.ulawToLinear(0x00)).isEqualTo((short) -32124);
        // Segment 0 step is 2 at 14 bits (8 at 16 bits): code 0xFE is the first step above 0.
        assertThat(G711.ulawToLinear(0xFE)).isEqualTo((short) 8);
        // Segment 7, interval 14: ((2·14 + 33)·2^7 − 33) at 14 bits, ×4.
        assertThat(G711.ulawToLinear(0x81)).isEqualTo((short) (((2 * 14 + 33) * 128 - 33) * 4));
        // A-law segment 7, interval 15: (2·15 + 33)·2^6 at 13 bits... i.e. 0x1F8 << 6.
        assertThat(G711.alawToLinear(0xAA)).isEqualTo((short) (0x1F8 << 6));
    }

    @Test
    void alawKnownValues() {
        assertThat(G711.linearToAlaw(0) & 0xFF).isEqualTo(0xD5);
        assertThat(G711.linearToAlaw(-1) & 0xFF).isEqualTo(0x55);
        assertThat(G711.linearToAlaw(32767) & 0xFF).isEqualTo(0xAA);
        assertThat(G711.linearToAlaw(-32768) & 0xFF).isEqualTo(0x2A);
        assertThat(G711.alawToLinear(0xD5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear(0x55)).isEqualTo((short) -8);
        assertThat(G711.alawToLinear(0xAA)).isEqualTo((short) 32256);
        assertThat(G711.alawToLinear(0x2A)).isEqualTo((short) -32256);
    }

    @Test
    void negativesUseTheOnesComplementOfTheReference() {
        // ITU-T G.191's g711.c takes ~x for negative input: -1 is "-0", and segment edges shift by one.
        assertThat(G711.linearToUlaw(-1) & 0xFF).isEqualTo(0x7F);
        assertThat(G711.linearToUlaw(-2) & 0xFF).isEqualTo(0x7F);
        assertThat(G711.linearToUlaw(-31612) & 0xFF).isEqualTo(0x01);
        assertThat(G711.linearToUlaw(-31613) & 0xFF).isEqualTo(0x00);
    }

    /**
     * Every input and every code, as CRC-32 of the 65,536 codes for -32768..32767 and of the 256
     * decoded values (16-bit little-endian) for codes 0..255. A-law encoding and both decoders
     * equal spandsp 0.0.6 (Debian libspandsp2, used by Asterisk and baresip) exactly. For µ-law,
     * spandsp takes the two's complement of negatives where G.191 takes the one's complement:
     * checked once, ours(x) == spandsp(x + 1) for every x <= -2, ours(-1) = 0x7F, equal for x >= 0.
     */
    @Test
    void wholeTablesMatchSpandsp() {
        byte[] u = new byte[65536], a = new byte[65536];
        for (int x = -32768; x <= 32767; x++) {
            u[x + 32768] = G711.linearToUlaw(x);
            a[x + 32768] = G711.linearToAlaw(x);
        }
        byte[] du = new byte[512], da = new byte[512];
        for (int c = 0; c < 256; c++) {
            du[2 * c] = (byte) G711.ulawToLinear(c);
            du[2 * c + 1] = (byte) (G711.ulawToLinear(c) >> 8);
            da[2 * c] = (byte) G711.alawToLinear(c);
            da[2 * c + 1] = (byte) (G711.alawToLinear(c) >> 8);
        }
        assertThat(crc(u)).isEqualTo(0x6399d432L);
        assertThat(crc(a)).isEqualTo(0x9133796eL);
        assertThat(crc(du)).isEqualTo(0x0c847a9fL);
        assertThat(crc(da)).isEqualTo(0x9d764657L);
    }

    private static long crc(byte[] b) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(b);
        return c.getValue();
    }

    @Test
    void everyCodeSurvivesDecodeThenEncode() {
        for (int c = 0; c < 256; c++) {
            int ulawExpected = c == 0x7F ? 0xFF : c; // -0 and +0 both decode to 0, which encodes as +0
            assertThat(G711.linearToUlaw(G711.ulawToLinear(c)) & 0xFF).as("ulaw %02x", c).isEqualTo(ulawExpected);
            assertThat(G711.linearToAlaw(G711.alawToLinear(c)) & 0xFF).as("alaw %02x", c).isEqualTo(c);
        }
    }

    @Test
    void everySampleRoundTripsWithinHalfAStep() {
        for (int x = -32768; x <= 32767; x++) {
            int u = G711.ulawToLinear(G711.linearToUlaw(x));
            int a = G711.alawToLinear(G711.linearToAlaw(x));
            int mag = Math.abs(x);
            int clipU = mag > 32124 ? mag - 32124 : 0;
            int clipA = mag > 32256 ? mag - 32256 : 0;
            assertThat(Math.abs(u - x)).as("ulaw %d -> %d", x, u).isLessThanOrEqualTo(Math.max(mag / 32 + 8, clipU + 8));
            assertThat(Math.abs(a - x)).as("alaw %d -> %d", x, a).isLessThanOrEqualTo(Math.max(mag / 32 + 16, clipA + 8));
        }
    }

    @Test
    void encodingIsMonotonic() {
        int prevU = Integer.MIN_VALUE, prevA = Integer.MIN_VALUE;
        for (int x = -32768; x <= 32767; x++) {
            int u = G711.ulawToLinear(G711.linearToUlaw(x));
            int a = G711.alawToLinear(G711.linearToAlaw(x));
            assertThat(u).isGreaterThanOrEqualTo(prevU);
            assertThat(a).isGreaterThanOrEqualTo(prevA);
            prevU = u;
            prevA = a;
        }
    }

    @Test
    void codecsMatchTheStaticFunctions() {
        short[] pcm = Goertzel.tone(1000, 8000, 160, 12000);
        byte[] u = new byte[160];
        byte[] a = new byte[160];
        assertThat(new G711.Ulaw().encode(pcm, 0, 160, u, 0)).isEqualTo(160);
        assertThat(new G711.Alaw().encode(pcm, 0, 160, a, 0)).isEqualTo(160);
        for (int i = 0; i < 160; i++) {
            assertThat(u[i]).isEqualTo(G711.linearToUlaw(pcm[i]));
            assertThat(a[i]).isEqualTo(G711.linearToAlaw(pcm[i]));
            assertThat(G711.ulawToAlaw(u[i])).isEqualTo(G711.linearToAlaw(G711.ulawToLinear(u[i])));
        }
        short[] back = new short[160];
        new G711.Ulaw().decode(u, 0, 160, back, 0);
        assertThat(Goertzel.energyRatio(back, 0, 160, 1000, 8000)).isGreaterThan(0.99);
    }
}
