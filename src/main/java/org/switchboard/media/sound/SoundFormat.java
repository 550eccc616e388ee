package org.switchboard.media.sound;

import java.util.Locale;

/**
 * The sound file formats Switchboard reads and writes, named by their file extension as Asterisk
 * names them: {@code wav} (RIFF, PCM 16-bit or G.711, 8 or 16 kHz), {@code wav16}, and the raw
 * headerless formats {@code sln} (8 kHz signed 16-bit little-endian), {@code sln16},
 * {@code ulaw}/{@code pcm} and {@code alaw}. The order is the order of preference when a prompt
 * exists in several formats.
 */
public enum SoundFormat {
    WAV("wav", 8000),
    WAV16("wav16", 16000),
    SLN("sln", 8000),
    SLN16("sln16", 16000),
    ULAW("ulaw", 8000),
    PCM("pcm", 8000),
    ALAW("alaw", 8000);

    private final String extension;
    private final int rate;

    SoundFormat(String extension, int rate) {
        this.extension = extension;
        this.rate = rate;
    }

    public String extension() { return extension; }

    /** The sample rate of a raw file; a WAV file says its own. */
    public int rawRate() { return rate; }

    public boolean isWav() { return this == WAV || this == WAV16; }

    /** The format for an extension ({@code wav}, {@code WAV16}, {@code slin} and {@code raw} too), or null. */
    public static SoundFormat of(String extension) {
        String e = extension.toLowerCase(Locale.ROOT);
        for (SoundFormat f : values()) {
            if (f.extension.equals(e)) return f;
        }
        return switch (e) {
            case "slin", "raw" -> SLN;
            case "slin16" -> SLN16;
            case "ul", "mu" -> ULAW;
            case "al" -> ALAW;
            default -> null;
        };
    }
}
