package org.switchboard.channels.sip.config;

import java.util.Locale;

/** The audio codecs a peer may be offered, by their Asterisk names ({@code allow=ulaw}). */
public enum Codec {
    ULAW("ulaw"), ALAW("alaw"), G722("g722"), OPUS("opus");

    private final String confName;

    Codec(String confName) { this.confName = confName; }

    /** The name used in sip.conf. */
    public String confName() { return confName; }

    /** The codec for a sip.conf name (case-insensitive), or null. */
    public static Codec byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Codec c : values()) if (c.confName.equals(n)) return c;
        return null;
    }

    /** Codecs Asterisk knows that Switchboard does not (yet) carry: named, so the warning says so. */
    static boolean isAsteriskCodec(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "gsm", "g729", "g723", "g726", "g726aal2", "ilbc", "speex", "speex16", "speex32", "lpc10",
                 "adpcm", "slin", "slin16", "siren7", "siren14", "g719", "testlaw", "h261", "h263", "h263p",
                 "h264", "vp8", "vp9", "t140", "t140red", "jpeg", "png", "silk", "celt" -> true;
            default -> false;
        };
    }
}
