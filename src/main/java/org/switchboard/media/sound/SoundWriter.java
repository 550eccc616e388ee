package org.switchboard.media.sound;

import org.switchboard.media.codec.G711;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes 8 kHz slin audio to a file as it arrives: {@code wav} (PCM 16-bit mono, header fixed on
 * close), raw {@code sln}, {@code ulaw}/{@code pcm} or {@code alaw}. Appending to an existing file
 * continues it. Not thread-safe: one recording, one thread.
 */
public final class SoundWriter implements AutoCloseable {
    private static final int WAV_HEADER = 44;
    /** Audio waits here until this much is ready: one write(2) per half second of a call, not one per 20 ms frame (stdio's buffering in Asterisk). */
    private static final int BUFFER_BYTES = 8192;
    private final FileChannel file;
    private final ByteBuffer pending = ByteBuffer.allocate(BUFFER_BYTES);
    private final SoundFormat format;
    private final Path path;
    private long samples;

    private SoundWriter(Path path, SoundFormat format, FileChannel file, long samples) {
        this.path = path;
        this.format = format;
        this.file = file;
        this.samples = samples;
    }

    /** Whether this writer can produce the format (the 16 kHz ones it cannot). */
    public static boolean canWrite(SoundFormat f) { return f != SoundFormat.WAV16 && f != SoundFormat.SLN16; }

    /** Opens {@code path} for writing, creating its folder; with {@code append} an existing file is continued. */
    public static SoundWriter open(Path path, SoundFormat format, boolean append) throws IOException {
        if (!canWrite(format)) throw new IOException("cannot record in format " + format.extension());
        if (path.getParent() != null) Files.createDirectories(path.getParent());
        boolean existing = append && Files.isRegularFile(path) && Files.size(path) >= (format.isWav() ? WAV_HEADER : 0);
        FileChannel fc = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        long samples = 0;
        if (existing) {
            long body = fc.size() - (format.isWav() ? WAV_HEADER : 0);
            samples = body / bytesPerSample(format);
            fc.position(fc.size());
        } else {
            fc.truncate(0);
            if (format.isWav()) fc.write(header(0));
        }
        return new SoundWriter(path, format, fc, samples);
    }

    public Path path() { return path; }

    /** Samples written so far. */
    public long samples() { return samples; }

    /** Appends little-endian slin bytes. */
    public void write(byte[] slin) throws IOException {
        int n = slin.length / 2;
        boolean linear = format == SoundFormat.WAV || format == SoundFormat.SLN;
        boolean ulaw = format == SoundFormat.ULAW || format == SoundFormat.PCM;
        int width = linear ? 2 : 1;
        for (int i = 0; i < n; ) {
            if (pending.remaining() < width) flush();
            int take = Math.min(n - i, pending.remaining() / width);
            if (linear) {
                pending.put(slin, i * 2, take * 2);
            } else {
                for (int k = i; k < i + take; k++) {
                    short s = SoundFile.sample(slin, k);
                    pending.put(ulaw ? G711.linearToUlaw(s) : G711.linearToAlaw(s));
                }
            }
            i += take;
        }
        samples += n;
    }

    /** Writes what waits in the buffer. */
    private void flush() throws IOException {
        pending.flip();
        while (pending.hasRemaining()) file.write(pending);
        pending.clear();
    }

    /** Cuts the recording back to its first {@code keep} samples (silence trimmed off the end). */
    public void truncate(long keep) throws IOException {
        if (keep >= samples) return;
        flush();
        keep = Math.max(0, keep);
        long size = (format.isWav() ? WAV_HEADER : 0) + keep * bytesPerSample(format);
        file.truncate(size);
        file.position(size);
        samples = keep;
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
            if (format.isWav()) file.write(header(samples * 2), 0);
        } finally {
            file.close();
        }
    }

    private static int bytesPerSample(SoundFormat f) { return f == SoundFormat.WAV || f == SoundFormat.SLN ? 2 : 1; }

    /** The 44-byte header of a PCM 16-bit 8 kHz mono WAV file with {@code dataBytes} of audio. */
    static ByteBuffer header(long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(WAV_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x46464952).putInt((int) (36 + dataBytes)).putInt(0x45564157);   // RIFF size WAVE
        h.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1)    // fmt, PCM, mono
                .putInt(SoundFile.RATE).putInt(SoundFile.RATE * 2).putShort((short) 2).putShort((short) 16);
        h.putInt(0x61746164).putInt((int) dataBytes);                              // data
        return h.flip();
    }
}
