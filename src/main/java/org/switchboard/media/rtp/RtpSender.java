package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.Frame.VoiceFrame;
import org.switchboard.media.codec.Transcoder;
import org.switchboard.media.dtmf.DtmfTones;
import org.switchboard.media.sound.ToneGenerator;

/**
 * The outgoing RTP stream of one {@link RtpSession}. Two sources feed it: local packets (voice
 * from {@link #write}, RFC 4733 events from {@link #sendDtmf}), numbered under a lock on the
 * caller's thread, and packets relayed from a bridged session. Every packet then passes the
 * session's event loop, where one {@link SsrcRewriter} maps it into our SSRC, sequence and
 * timestamp space (RFC 3550 §5.1), so the far end sees one continuous stream whichever source
 * speaks. The relay path takes no lock and allocates nothing here; the transport sends the
 * packet (UDP: in a Netty datagram).
 */
final class RtpSender {
    private static final long GAP_MILLIS = 1000;
    private static final int DTMF_INTERVAL_MILLIS = 20;
    private static final int DTMF_VOLUME = 10;

    private final RtpSession session;
    final int ssrc = ThreadLocalRandom.current().nextInt();

    // Local source, guarded by lock: its own sequence and timestamp, rewritten like any source.
    private final Object lock = new Object();
    private final int localSsrc = ~ssrc;
    private int localSeq = ThreadLocalRandom.current().nextInt(1 << 16);
    private int localTs = ThreadLocalRandom.current().nextInt();
    private long lastLocalMillis;
    private boolean localStarted;
    private RtpSession.Format localFormat;
    private final Map<String, Transcoder> transcoders = new HashMap<>();
    private byte[] scratch = new byte[2048];
    private final byte[] header = new byte[RtpWriter.HEADER];
    private final byte[] event = new byte[TelephoneEvent.SIZE];
    private final ArrayDeque<long[]> pendingDigits = new ArrayDeque<>();
    private DtmfSender dtmf;
    private ToneGenerator inbandTone;
    private ScheduledFuture<?> dtmfTask;
    private volatile boolean dtmfActive;

    // Event-loop confined.
    private final byte[] loopHeader = new byte[RtpWriter.HEADER];
    private SsrcRewriter rewriter;
    private int rewriterClock;
    private boolean lastWasLocal;
    private int lastOutSeq;
    private int lastOutTs;
    private long lastOutMillis;
    private volatile long packets;
    private volatile long octets;

    RtpSender(RtpSession session) { this.session = session; }

    long packets() { return packets; }
    long octets() { return octets; }

    /** RTP timestamp that corresponds to now (for an SR, §6.4.1); event-loop only. */
    int timestampNow(long nowMillis, int clock) {
        return lastOutTs + (int) ((nowMillis - lastOutMillis) * clock / 1000);
    }

    /** Packetizes (transcoding if needed) one frame of voice; see {@link RtpSession#write}. */
    void write(VoiceFrame f) {
        synchronized (lock) {
            RtpSession.Format fmt = session.format();
            if (fmt == null || dtmfActive || !session.canSend()) return;
            writeLocked(fmt, f);
        }
    }

    /** One frame of our own voice (or of a tone), under the lock. */
    private void writeLocked(RtpSession.Format fmt, VoiceFrame f) {
        byte[] payload = f.payload();
        int len = payload.length;
        int samples = f.samples();
        if (!f.codec().equals(fmt.codec())) {
            Transcoder t = transcoders.computeIfAbsent(f.codec(), from -> new Transcoder(from, fmt.codec()));
            int max = t.maxOutput(payload, 0, len);
            if (max > scratch.length) scratch = new byte[max];
            len = t.transcode(payload, 0, len, scratch, 0);
            if (len < 0) return;
            payload = scratch;
            samples = t.lastSamples();
        }
        int units = (int) ((long) samples * fmt.clock() / fmt.sampleRate());
        long now = System.currentTimeMillis();
        boolean marker = startLocal(fmt, now);
        sendLocal(marker, fmt.payloadType(), localTs, payload, len);
        localTs += units;
    }

    /** Marker for the next local packet: first, after a re-configure, after a gap over 1 s. */
    private boolean startLocal(RtpSession.Format fmt, long now) {
        boolean marker = !localStarted || fmt != localFormat;
        if (fmt != localFormat) transcoders.clear(); // the target codec may have changed
        if (localStarted && now - lastLocalMillis > GAP_MILLIS) {
            marker = true;
            localTs += (int) ((now - lastLocalMillis - DTMF_INTERVAL_MILLIS) * fmt.clock() / 1000);
        }
        localStarted = true;
        localFormat = fmt;
        lastLocalMillis = now;
        return marker;
    }

    private void sendLocal(boolean marker, int pt, int ts, byte[] payload, int len) {
        RtpWriter.writeHeader(header, 0, marker, pt, localSeq, ts, localSsrc);
        localSeq = (localSeq + 1) & 0xFFFF;
        ByteBuf buf = session.transport().alloc().directBuffer(RtpWriter.HEADER + len);
        buf.writeBytes(header).writeBytes(payload, 0, len);
        relay(buf, -1, true, true);
    }

    /** RFC 4733 §2.5.1: one press paced every 20 ms on the engine timer; queued behind a press in progress. */
    boolean sendDtmf(char digit, int durationMs) {
        if (TelephoneEvent.eventOf(digit) < 0) return false;
        synchronized (lock) {
            RtpSession.Format fmt = session.format();
            if (fmt == null || fmt.dtmfPayloadType() < 0) return false;
            if (dtmfActive) {
                pendingDigits.add(new long[] {digit, durationMs, 0});
                return true;
            }
            startDigit(fmt, digit, durationMs);
            return true;
        }
    }

    /**
     * A press as tones in our audio (dtmfmode=inband): 20 ms frames of its two frequencies, then
     * a short silence, paced on the engine timer in place of our other audio; queued like RFC 4733 ones.
     */
    boolean sendInbandDtmf(char digit, int durationMs) {
        if (DtmfTones.frequencies(digit) == null) return false;
        synchronized (lock) {
            RtpSession.Format fmt = session.format();
            if (fmt == null) return false;
            if (dtmfActive) {
                pendingDigits.add(new long[] {digit, durationMs, 1});
                return true;
            }
            startInband(digit, durationMs);
            return true;
        }
    }

    private void startInband(char digit, int durationMs) {
        inbandTone = DtmfTones.press(digit, durationMs);
        dtmfActive = true;
        dtmfTask = session.engine().timer().scheduleAtFixedRate(this::inbandTick, 0, DTMF_INTERVAL_MILLIS,
            TimeUnit.MILLISECONDS);
    }

    private void inbandTick() {
        synchronized (lock) {
            RtpSession.Format fmt = session.format();
            if (inbandTone == null || fmt == null || session.isClosed()) {
                stopDtmf();
                return;
            }
            byte[] slin = inbandTone.nextFrame();
            if (slin != null) {
                if (session.canSend()) writeLocked(fmt, new VoiceFrame("slin", slin, slin.length / 2));
                if (!inbandTone.isFinished()) return;
            }
            stopDtmf();
            startPending(fmt);
        }
    }

    /** The next queued press, of either kind. */
    private void startPending(RtpSession.Format fmt) {
        long[] next = pendingDigits.poll();
        if (next == null) return;
        if (next[2] == 1) startInband((char) next[0], (int) next[1]);
        else if (fmt.dtmfPayloadType() >= 0) startDigit(fmt, (char) next[0], (int) next[1]);
        else startPending(fmt);
    }

    private void startDigit(RtpSession.Format fmt, char digit, int durationMs) {
        long now = System.currentTimeMillis();
        startLocal(fmt, now); // the event's first packet carries the marker itself (§2.5.1.2)
        dtmf = new DtmfSender(fmt.clock(), DTMF_INTERVAL_MILLIS, DTMF_VOLUME);
        dtmf.start(digit, durationMs, localTs);
        dtmfActive = true;
        dtmfTask = session.engine().timer().scheduleAtFixedRate(this::dtmfTick, 0, DTMF_INTERVAL_MILLIS,
            TimeUnit.MILLISECONDS);
    }

    private void dtmfTick() {
        synchronized (lock) {
            RtpSession.Format fmt = session.format();
            if (dtmf == null || fmt == null || fmt.dtmfPayloadType() < 0 || session.isClosed()) {
                stopDtmf();
                return;
            }
            if (dtmf.hasNext()) {
                boolean marker = dtmf.marker();
                dtmf.next(event, 0);
                sendLocal(marker, fmt.dtmfPayloadType(), dtmf.timestamp(), event, TelephoneEvent.SIZE);
                lastLocalMillis = System.currentTimeMillis();
                if (dtmf.hasNext()) return;
            }
            localTs = dtmf.timestamp() + dtmf.durationUnits(); // audio resumes after the event
            stopDtmf();
            startPending(fmt);
        }
    }

    private void stopDtmf() {
        if (dtmfTask != null) dtmfTask.cancel(false);
        dtmfTask = null;
        dtmf = null;
        inbandTone = null;
        dtmfActive = false;
    }

    /** The next relayed packet starts a new source (a new bridge), even with an SSRC seen before. */
    void sourceChanged() {
        try {
            session.loop().execute(() -> {
                if (rewriter != null) rewriter.sourceChanged();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    /** Drops queued digits and stops pacing (close). */
    void cancel() {
        synchronized (lock) {
            pendingDigits.clear();
            stopDtmf();
        }
    }

    /**
     * Sends {@code buf} (an RTP packet we own) on our event loop: mapped to payload type
     * {@code pt} unless it is -1. Called from any thread.
     */
    void relay(ByteBuf buf, int pt, boolean voice, boolean local) {
        if (session.loop().inEventLoop()) {
            sendOnLoop(buf, pt, voice, local);
        } else {
            try {
                session.loop().execute(() -> sendOnLoop(buf, pt, voice, local));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                buf.release(); // the engine is shutting down
            }
        }
    }

    private void sendOnLoop(ByteBuf buf, int pt, boolean voice, boolean local) {
        RtpSession.Format fmt = session.format();
        InetSocketAddress to = session.sendAddress();
        if (fmt == null || to == null || !session.canSend() || (!local && voice && dtmfActive)) {
            buf.release();
            return;
        }
        long now = System.currentTimeMillis();
        if (rewriter == null || rewriterClock != fmt.clock()) {
            int seq = rewriter == null ? ThreadLocalRandom.current().nextInt(1 << 16) : lastOutSeq + 1;
            int ts = rewriter == null ? ThreadLocalRandom.current().nextInt() : timestampNow(now, fmt.clock());
            rewriter = new SsrcRewriter(ssrc, fmt.clock(), seq, ts);
            rewriterClock = fmt.clock();
        }
        if (local != lastWasLocal) rewriter.sourceChanged();
        lastWasLocal = local;
        int at = buf.readerIndex();
        int len = buf.readableBytes();
        buf.getBytes(at, loopHeader, 0, RtpWriter.HEADER);
        rewriter.rewrite(loopHeader, 0, now);
        if (pt >= 0) RtpWriter.setPayloadType(loopHeader, 0, pt);
        buf.setBytes(at, loopHeader, 0, RtpWriter.HEADER);
        int seq = RtpParser.int16(loopHeader, 2);
        if (packets == 0 || (short) (seq - lastOutSeq) > 0) {
            lastOutSeq = seq;
            lastOutTs = RtpParser.int32(loopHeader, 4);
            lastOutMillis = now;
        }
        packets++;
        octets += len - RtpWriter.HEADER;
        session.transport().sendRtp(buf, to);
    }
}
