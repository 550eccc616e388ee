package org.switchboard.bench.jingleload;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.switchboard.net.ice.IceDtlsTransport;
import org.switchboard.net.ice.IceSettings;

/**
 * One call's media on the load peer: the project's {@link IceDtlsTransport} as the answering side
 * (ICE controlled, DTLS active against the PBX's actpass offer, RFC 8842 §5.3), a pre-encoded Opus
 * frame sent every 20 ms with this call's own SSRC, sequence and timestamp (RFC 3550 §5.1), and
 * the packets that come back counted, never decoded (except the sampled call's, kept for the tone
 * check). Everything after {@code ready} runs on the transport's event loop: a timer per call, no
 * thread per call, and each counter has that one writer.
 */
final class LoadMedia {
    private final IceDtlsTransport transport;
    private final OpusTone tone;
    private final int ssrc = ThreadLocalRandom.current().nextInt();
    private int payloadType = 111;
    private volatile ScheduledFuture<?> ticker;
    private int seq = ThreadLocalRandom.current().nextInt(65536);
    private int timestamp = ThreadLocalRandom.current().nextInt();
    private volatile long sent, received, bytesIn, skipped;
    private long startNanos, ticks;
    /** RFC 3550 A.1: the extended highest sequence number received and the first one. */
    private volatile long extMax = -1, extBase = -1;
    private volatile long firstPacketNanos;
    /** The sampled call keeps the payloads it receives while {@link #keepPayloads} is on. */
    private volatile List<byte[]> kept;
    private volatile int keepMax;

    LoadMedia(IceSettings settings, OpusTone tone) throws IOException {
        this.transport = IceDtlsTransport.open(settings, false);
        this.tone = tone;
        transport.receive((b, from) -> onRtp(b), (b, from) -> { });
    }

    IceDtlsTransport transport() { return transport; }

    void payloadType(int pt) { payloadType = pt; }

    /** Starts sending once ICE and DTLS are done. */
    void sendWhenReady() {
        transport.ready().thenRun(() -> {
            EventExecutor loop = transport.eventLoop();
            ticker = loop.scheduleAtFixedRate(this::sendOne, 0, 20, TimeUnit.MILLISECONDS);
        });
    }

    /**
     * One frame per 20 ms of wall clock. A tick the loop ran late does not send a burst to catch
     * up (a starved load generator would then measure its own bursts): frames more than 60 ms
     * overdue are skipped, the timestamp moves on as after a sender's pause, and they are counted.
     */
    private void sendOne() {
        long now = System.nanoTime();
        if (startNanos == 0) startNanos = now;
        long due = (now - startNanos) / 20_000_000L + 1;
        if (due - ticks > 3) {
            long skip = due - ticks - 1;
            skipped += skip;
            ticks += skip;
            timestamp += (int) (skip * OpusTone.FRAME_SAMPLES);
        }
        if (ticks >= due) return; // a catch-up tick of the fixed-rate timer
        ticks++;
        byte[] payload = tone.frame(sent);
        ByteBuf b = transport.alloc().buffer(12 + payload.length);
        b.writeByte(0x80).writeByte(sent == 0 ? 0x80 | payloadType : payloadType) // marker on the first packet (RFC 3551 §4.1)
            .writeShort(seq).writeInt(timestamp).writeInt(ssrc).writeBytes(payload);
        transport.sendRtp(b, null);
        seq = (seq + 1) & 0xffff;
        timestamp += OpusTone.FRAME_SAMPLES;
        sent++;
    }

    private void onRtp(ByteBuf b) {
        int at = b.readerIndex(), len = b.readableBytes();
        if (len < 12) return;
        int seq16 = b.getUnsignedShort(at + 2);
        if (extMax < 0) {
            extBase = extMax = seq16;
            firstPacketNanos = System.nanoTime();
        } else {
            long cycle = extMax & ~0xffffL;
            long ext = cycle | seq16;
            if (ext < extMax - 32768) ext += 65536;      // wrapped forward
            else if (ext > extMax + 32768) ext -= 65536; // a late packet from before a wrap
            if (ext > extMax) extMax = ext;
        }
        received++;
        bytesIn += len;
        List<byte[]> k = kept;
        if (k != null && k.size() < keepMax) {
            int cc = b.getUnsignedByte(at) & 0x0f;
            int off = 12 + 4 * cc;
            if ((b.getUnsignedByte(at) & 0x10) != 0 && len >= off + 4) off += 4 + 4 * b.getUnsignedShort(at + off + 2);
            if (off < len) {
                byte[] p = new byte[len - off];
                b.getBytes(at + off, p);
                k.add(p);
            }
        }
    }

    /** Keeps the next {@code max} payloads received (the sampled call). */
    void keepPayloads(int max) {
        keepMax = max;
        kept = java.util.Collections.synchronizedList(new ArrayList<>(max));
    }

    List<byte[]> keptPayloads() { return kept == null ? List.of() : List.copyOf(kept); }

    long sent() { return sent; }

    long received() { return received; }

    /** Frames not sent because the generator's loop ran more than 60 ms late. */
    long skipped() { return skipped; }

    /** RFC 3550 A.3: expected minus received (duplicates can make it negative; not clamped). */
    long lost() { return extMax < 0 ? 0 : extMax - extBase + 1 - received; }

    long firstPacketNanos() { return firstPacketNanos; }

    boolean ready() { return transport.ready().isDone() && !transport.ready().isCompletedExceptionally(); }

    void close() {
        ScheduledFuture<?> t = ticker;
        if (t != null) t.cancel(false);
        transport.close();
    }
}
