package org.switchboard.media.codec;

import java.util.List;

/** The codecs we know by Asterisk name, and fresh per-stream instances of them. */
public final class Codecs {
    /** Every name {@link #create} accepts. */
    public static final List<String> NAMES = List.of("ulaw", "alaw", "g722", "opus", "slin", "slin16", "slin48");

    private Codecs() {}

    public static boolean isKnown(String name) { return NAMES.contains(name); }

    /** A new codec instance (its own state) for one direction of one stream. */
    public static Codec create(String name) {
        return switch (name) {
            case "ulaw" -> new G711.Ulaw();
            case "alaw" -> new G711.Alaw();
            case "g722" -> new G722Codec();
            case "opus" -> new OpusCodec();
            case "slin" -> new SlinCodec("slin", 8000);
            case "slin16" -> new SlinCodec("slin16", 16000);
            case "slin48" -> new SlinCodec("slin48", 48000);
            default -> throw new IllegalArgumentException("unknown codec '" + name + "' (known: " + NAMES + ")");
        };
    }

    /** Linear sample rate of a codec by name. */
    public static int sampleRate(String name) {
        return switch (name) {
            case "ulaw", "alaw", "slin" -> 8000;
            case "g722", "slin16" -> 16000;
            case "opus", "slin48" -> 48000;
            default -> throw new IllegalArgumentException("unknown codec '" + name + "' (known: " + NAMES + ")");
        };
    }
}
