package org.switchboard.media.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A mono WAV sound: 16-bit PCM at 8, 16 or 48 kHz in and out; µ-law and A-law WAV (format
 * tags 7 and 6) are read and decoded. Anything else is refused with a message naming what
 * was found and what is accepted.
 */
public record WavFile(int sampleRate, short[] samples) {
    private static final int PCM = 1, ALAW = 6, ULAW = 7, EXTENSIBLE = 0xFFFE;

    public WavFile {
        if (sampleRate != 8000 && sampleRate != 16000 && sampleRate != 48000) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz (supported: 8000, 16000, 48000)");
        }
    }

    /** The codec name a frame of this sound carries: slin, slin16 or slin48. */
    public String slinCodec() {
        return sampleRate == 8000 ? "slin" : sampleRate == 16000 ? "slin16" : "slin48";
    }

    public static WavFile read(Path file) throws IOException {
        try {
            return parse(Files.readAllBytes(file));
        } catch (WavFormatException e) {
            throw new WavFormatException(file + ": " + e.getMessage());
        }
    }

    /** Parses a whole WAV file held in memory. */
    public static WavFile parse(byte[] data) throws WavFormatException {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (data.length < 12) throw new WavFormatException("not a WAV file: only " + data.length + " bytes");
        if (b.getInt(0) != 0x46464952) throw new WavFormatException("not a WAV file: no RIFF header");
        if (b.getInt(8) != 0x45564157) throw new WavFormatException("not a WAV file: RIFF type is not WAVE");
        int format = -1, channels = 0, rate = 0, bits = 0;
        int pos = 12;
        while (pos + 8 <= data.length) {
            int id = b.getInt(pos);
            long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                if (size < 16 || body + 16 > data.length) throw new WavFormatException("fmt chunk too short (" + size + " bytes)");
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xFFFF;
                if (format == EXTENSIBLE && size >= 40 && body + 26 <= data.length) format = b.getShort(body + 24) & 0xFFFF;
            } else if (id == 0x61746164) { // "data"
                if (format < 0) throw new WavFormatException("data chunk before fmt chunk");
                // Streamed writers leave the size at 0 or 0xFFFFFFFF: take what the file holds.
                int len = (int) Math.min(size == 0 ? Long.MAX_VALUE : size, data.length - body);
                return decode(data, body, len, format, channels, rate, bits);
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1)); // chunks are word-aligned
        }
        throw new WavFormatException(format < 0 ? "no fmt chunk" : "no data chunk");
    }

    private static WavFile decode(byte[] d, int off, int len, int format, int channels, int rate, int bits)
            throws WavFormatException {
        if (channels != 1) throw new WavFormatException(channels + " channels (only mono is supported)");
        if (rate != 8000 && rate != 16000 && rate != 48000) {
            throw new WavFormatException("sample rate " + rate + " Hz (supported: 8000, 16000, 48000)");
        }
        short[] s;
        if (format == PCM && bits == 16) {
            s = new short[len / 2];
            SlinCodec.toShorts(d, off, len, s, 0);
        } else if ((format == ULAW || format == ALAW) && bits == 8) {
            s = new short[len];
            for (int i = 0; i < len; i++) s[i] = format == ULAW ? G711.ulawToLinear(d[off + i]) : G711.alawToLinear(d[off + i]);
        } else {
            throw new WavFormatException("format " + describe(format) + ", " + bits
                + " bits (supported: 16-bit PCM, 8-bit mu-law, 8-bit A-law)");
        }
        return new WavFile(rate, s);
    }

    private static String describe(int format) {
        return switch (format) {
            case PCM -> "PCM";
            case 3 -> "IEEE float";
            case ALAW -> "A-law";
            case ULAW -> "mu-law";
            case 2 -> "MS ADPCM";
            case 0x11 -> "IMA ADPCM";
            default -> "tag " + format;
        };
    }

    /** The file's bytes: RIFF/WAVE, a 16-byte PCM fmt chunk, one data chunk. */
    public byte[] toBytes() {
        int dataLen = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataLen).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + dataLen).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) PCM).putShort((short) 1)
            .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        b.putInt(0x61746164).putInt(dataLen);
        SlinCodec.toBytes(samples, 0, samples.length, b.array(), 44);
        return b.array();
    }

    public void write(Path file) throws IOException {
        Files.write(file, toBytes());
    }

    /** A WAV file we cannot play: says what it holds and what would be accepted. */
    public static final class WavFormatException extends IOException {
        public WavFormatException(String message) { super(message); }
    }
}
