package org.switchboard.res.festival;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.switchboard.media.codec.Resampler;

/**
 * The waveform a Festival server sends, as 8 kHz 16-bit signed linear little-endian (what the PBX
 * plays): festival sends it in its {@code Wavefiletype} — NIST (its default, a 1024-byte text
 * header naming the rate and byte order), RIFF/WAVE, or raw samples, which app_festival takes as
 * 8 kHz and native (little-endian) order. Other rates are resampled. No I/O.
 */
public final class FestivalWaveform {
    public static final int RATE = 8000;

    private FestivalWaveform() {}

    /** @throws IllegalArgumentException when the header is there but broken */
    public static byte[] toSlin8k(byte[] data) {
        if (startsWith(data, "NIST_1A")) return nist(data);
        if (startsWith(data, "RIFF") && data.length >= 12 && startsWith(slice(data, 8, 4), "WAVE")) return riff(data);
        return resample(samples(data, 0, data.length & ~1, ByteOrder.LITTLE_ENDIAN), RATE);
    }

    private static byte[] nist(byte[] data) {
        String head = new String(data, 0, Math.min(1024, data.length), StandardCharsets.US_ASCII);
        String[] lines = head.split("\n");
        if (lines.length < 2) throw new IllegalArgumentException("NIST header without its size");
        int size = Integer.parseInt(lines[1].strip());
        int rate = RATE;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        for (String l : lines) {
            String[] f = l.strip().split("\\s+");
            if (f.length < 3) continue;
            if (f[0].equals("sample_rate")) rate = Integer.parseInt(f[2]);
            if (f[0].equals("sample_byte_format") && f[2].equals("10")) order = ByteOrder.BIG_ENDIAN;
            if (f[0].equals("sample_n_bytes") && !f[2].equals("2")) {
                throw new IllegalArgumentException("NIST samples of " + f[2] + " bytes");
            }
        }
        if (size < 0 || size > data.length) throw new IllegalArgumentException("NIST header size " + size);
        int len = (data.length - size) & ~1;
        return resample(samples(data, size, len, order), rate);
    }

    private static byte[] riff(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int rate = RATE, bits = 16, pos = 12;
        while (pos + 8 <= data.length) {
            String id = new String(data, pos, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            int body = pos + 8;
            if (id.equals("fmt ") && body + 16 <= data.length) {
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14);
            } else if (id.equals("data")) {
                if (bits != 16) throw new IllegalArgumentException("WAV samples of " + bits + " bits");
                int len = (size < 0 || body + size > data.length ? data.length - body : size) & ~1;
                return resample(samples(data, body, len, ByteOrder.LITTLE_ENDIAN), rate);
            }
            if (size < 0) break;
            pos = body + size + (size & 1);
        }
        throw new IllegalArgumentException("WAV without a data chunk");
    }

    private static short[] samples(byte[] data, int off, int len, ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(data, off, len).order(order);
        short[] s = new short[len / 2];
        for (int i = 0; i < s.length; i++) s[i] = b.getShort();
        return s;
    }

    private static byte[] resample(short[] in, int rate) {
        if (rate <= 0) throw new IllegalArgumentException("sample rate " + rate);
        short[] pcm = in;
        if (rate != RATE) {
            Resampler r = new Resampler(rate, RATE);
            short[] out = new short[r.maxOutput(in.length)];
            int n = r.process(in, 0, in.length, out, 0);
            pcm = java.util.Arrays.copyOf(out, n);
        }
        ByteBuffer out = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short v : pcm) out.putShort(v);
        return out.array();
    }

    private static boolean startsWith(byte[] data, String prefix) {
        if (data.length < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) if (data[i] != prefix.charAt(i)) return false;
        return true;
    }

    private static byte[] slice(byte[] data, int off, int len) {
        return java.util.Arrays.copyOfRange(data, off, Math.min(data.length, off + len));
    }
}
