package org.switchboard.media.codec;

import java.util.HashMap;
import java.util.Map;
import org.switchboard.core.Frame.VoiceFrame;

/**
 * Voice frames of any codec we know as 8 kHz signed linear bytes, what sound files and the
 * silence detector take: slin as it is, every other codec decoded (and resampled: Opus is 48 kHz,
 * G.722 16 kHz) by a {@link Transcoder} kept per codec, so a stateful decoder sees its stream in
 * order. One instance per stream it reads; not thread-safe.
 */
public final class SlinConverter {
    private final Map<String, Transcoder> transcoders = new HashMap<>();

    /** The frame as slin bytes at 8 kHz; null for a codec we do not know or a payload that does not decode. */
    public byte[] toSlin(VoiceFrame v) {
        String codec = v.codec();
        if (codec.equals("slin")) return v.payload();
        if (!Codecs.isKnown(codec)) return null;
        VoiceFrame out = transcoders.computeIfAbsent(codec, c -> new Transcoder(c, "slin")).transcode(v);
        return out.payload().length == 0 ? null : out.payload();
    }
}
