package org.switchboard.media.ogg;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes a mono Ogg Opus file (RFC 7845) to 48 kHz samples: OpusHead and OpusTags checked,
 * pre-skip dropped (§4.2), the end trimmed to the last page's granule position (§4.5). A file
 * that is not one is a {@link Decoded} with a problem, not an exception.
 */
public final class OggOpusReader {
    public record Decoded(short[] pcm, int preSkip, int inputRate, long finalGranule, String problem) {
        public boolean ok() { return problem == null; }
    }

    private OggOpusReader() {}

    public static Decoded decode(byte[] file) {
        OggPageReader.Result r = OggPageReader.read(file);
        if (!r.ok()) return bad(r.problem());
        List<OggPage> pages = r.pages();
        if (!pages.get(0).bos() || pages.get(0).packets().size() != 1) return bad("first page is not OpusHead alone");
        List<byte[]> packets = r.packets();
        if (packets.size() < 2) return bad("no OpusTags");
        byte[] head = packets.get(0);
        if (head.length < 19 || !new String(head, 0, 8, StandardCharsets.US_ASCII).equals("OpusHead")) return bad("no OpusHead");
        ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (head[8] != 1) return bad("OpusHead version " + head[8]);
        if (head[9] != 1) return bad(head[9] + " channels (mono expected)");
        int preSkip = h.getShort(10) & 0xffff, inputRate = h.getInt(12);
        if (!new String(packets.get(1), 0, Math.min(8, packets.get(1).length), StandardCharsets.US_ASCII).equals("OpusTags")) {
            return bad("second packet is not OpusTags");
        }
        OggPage last = pages.get(pages.size() - 1);
        if (!last.eos()) return bad("last page lacks the end-of-stream flag");
        OpusDecoder dec;
        try {
            dec = new OpusDecoder(OggOpusWriter.GRANULE_RATE, 1);
        } catch (OpusException e) {
            return bad("Opus decoder: " + e.getMessage());
        }
        short[] pcm = new short[OggOpusWriter.GRANULE_RATE];
        int n = 0;
        short[] frame = new short[5760];
        for (byte[] p : packets.subList(2, packets.size())) {
            int got;
            try {
                got = dec.decode(p, 0, p.length, frame, 0, frame.length, false);
            } catch (OpusException | RuntimeException e) {
                return bad("bad Opus packet: " + e.getMessage());
            }
            if (n + got > pcm.length) pcm = Arrays.copyOf(pcm, Math.max(pcm.length * 2, n + got));
            System.arraycopy(frame, 0, pcm, n, got);
            n += got;
        }
        long end = Math.min(n, Math.max(preSkip, last.granule()));
        return new Decoded(Arrays.copyOfRange(pcm, Math.min(preSkip, n), (int) end), preSkip, inputRate, last.granule(), null);
    }

    private static Decoded bad(String why) { return new Decoded(new short[0], 0, 0, 0, why); }
}
