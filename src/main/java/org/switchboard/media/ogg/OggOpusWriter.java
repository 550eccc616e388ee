package org.switchboard.media.ogg;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.switchboard.media.codec.Resampler;

/**
 * Mono 16-bit audio to an Ogg Opus file (RFC 7845), the format XMPP clients (Conversations,
 * Dino, Monal) play as a voice message. Opus encodes 8, 12, 16, 24 and 48 kHz input as it is
 * (RFC 6716 §2); any other rate is resampled to 48 kHz first. 20 ms frames, VoIP mode.
 */
public final class OggOpusWriter {
    /** RFC 7845 §4: granule positions count 48 kHz samples whatever the input rate. */
    public static final int GRANULE_RATE = 48000;
    static final int FRAME_MS = 20;
    /** Audio pages hold about one second each: 50 packets of one lacing value or a few. */
    private static final int PACKETS_PER_PAGE = 50;

    private OggOpusWriter() {}

    /**
     * Encodes the samples; {@code comment} goes into OpusTags as a TITLE (null: none).
     *
     * @throws IllegalArgumentException for a rate the resampler cannot reach 48 kHz from
     */
    public static byte[] encode(short[] pcm, int rate, int bitrate, String comment) {
        if (!isOpusRate(rate)) {
            Resampler r = new Resampler(rate, GRANULE_RATE);
            short[] out = new short[r.maxOutput(pcm.length)];
            int n = r.process(pcm, 0, pcm.length, out, 0);
            pcm = java.util.Arrays.copyOf(out, n);
            rate = GRANULE_RATE;
        }
        OpusEncoder enc;
        try {
            enc = new OpusEncoder(rate, 1, OpusApplication.OPUS_APPLICATION_VOIP);
        } catch (OpusException e) {
            throw new IllegalStateException("Opus encoder: " + e.getMessage(), e);
        }
        enc.setBitrate(bitrate);
        enc.setComplexity(5);
        enc.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
        int scale = GRANULE_RATE / rate;
        int lookahead = enc.getLookahead();           // at the encoder's rate
        int preSkip = lookahead * scale;              // RFC 7845 §4.2: counted at 48 kHz
        int frame = rate * FRAME_MS / 1000;
        // the encoder delays its output by the lookahead: feed that much silence more so the end is heard
        int total = pcm.length + lookahead;
        int frames = (total + frame - 1) / frame;
        short[] padded = java.util.Arrays.copyOf(pcm, frames * frame);

        OggPageWriter w = new OggPageWriter(ThreadLocalRandom.current().nextInt());
        w.page(List.of(head(preSkip, rate)), 0, OggPage.BOS);          // §3: OpusHead alone on the first page
        w.page(List.of(tags(comment)), 0, 0);                          // §3: OpusTags ends its page
        long end = preSkip + (long) pcm.length * scale;                // §4: the last granule trims the padding
        List<byte[]> page = new ArrayList<>();
        byte[] buf = new byte[1275];
        long granule = 0;
        for (int f = 0; f < frames; f++) {
            int len;
            try {
                len = enc.encode(padded, f * frame, frame, buf, 0, buf.length);
            } catch (OpusException e) {
                throw new IllegalStateException("Opus encoder: " + e.getMessage(), e);
            }
            page.add(java.util.Arrays.copyOf(buf, len));
            granule += (long) frame * scale;
            boolean last = f == frames - 1;
            if (page.size() == PACKETS_PER_PAGE || last) {
                w.page(page, last ? Math.min(granule, end) : granule, last ? OggPage.EOS : 0);
                page = new ArrayList<>();
            }
        }
        return w.bytes();
    }

    static boolean isOpusRate(int rate) {
        return rate == 8000 || rate == 12000 || rate == 16000 || rate == 24000 || rate == 48000;
    }

    /** RFC 7845 §5.1: identification header, channel mapping family 0 (mono). */
    static byte[] head(int preSkip, int inputRate) {
        return ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN).put("OpusHead".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 1).put((byte) 1).putShort((short) preSkip).putInt(inputRate).putShort((short) 0).put((byte) 0)
                .array();
    }

    /** RFC 7845 §5.2: comment header, vendor string then user comments (UTF-8, length-prefixed). */
    static byte[] tags(String title) {
        byte[] vendor = "Switchboard".getBytes(StandardCharsets.UTF_8);
        byte[] c = title == null ? null : ("TITLE=" + title).getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + 4 + vendor.length + 4 + (c == null ? 0 : 4 + c.length)).order(ByteOrder.LITTLE_ENDIAN);
        b.put("OpusTags".getBytes(StandardCharsets.US_ASCII)).putInt(vendor.length).put(vendor).putInt(c == null ? 0 : 1);
        if (c != null) b.putInt(c.length).put(c);
        return b.array();
    }
}
