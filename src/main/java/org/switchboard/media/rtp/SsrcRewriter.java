package org.switchboard.media.rtp;

/**
 * Keeps one outgoing RTP stream continuous while the source behind a bridge changes (a
 * transfer, a new SSRC, a different leg): our SSRC stays, the sequence continues by one and
 * the timestamp by the time elapsed, and the first packet after a change carries the marker
 * bit (RFC 3550 §5.1, §8.2: a receiver must not see our SSRC jump). Within one source,
 * gaps and reordering pass through unchanged, offset. Rewrites in place; no allocation.
 */
public final class SsrcRewriter {
    private final int ssrc;
    private final int clockRate;
    private boolean haveSource;
    private int sourceSsrc;
    private int seqOffset;
    private int tsOffset;
    private int lastSeq;          // last outgoing sequence (highest)
    private int lastTs;           // last outgoing timestamp
    private long lastMillis;
    private boolean sent;
    private boolean forceChange;

    /** @param initialSequence and initialTimestamp: random per RFC 3550 §5.1 */
    public SsrcRewriter(int ssrc, int clockRate, int initialSequence, int initialTimestamp) {
        this.ssrc = ssrc;
        this.clockRate = clockRate;
        this.lastSeq = (initialSequence - 1) & 0xFFFF;
        this.lastTs = initialTimestamp;
    }

    public int ssrc() { return ssrc; }

    /** Treat the next packet as a new source even if its SSRC is unchanged (Asterisk's SRCUPDATE). */
    public void sourceChanged() { forceChange = true; }

    /**
     * Rewrites sequence, timestamp and SSRC of a packet already validated by {@link RtpParser},
     * at {@code buf[off]}, that arrived at {@code nowMillis}.
     */
    public void rewrite(byte[] buf, int off, long nowMillis) {
        int inSsrc = RtpParser.int32(buf, off + 8);
        int inSeq = RtpParser.int16(buf, off + 2);
        int inTs = RtpParser.int32(buf, off + 4);
        if (!haveSource || forceChange || inSsrc != sourceSsrc) {
            int seq = (lastSeq + 1) & 0xFFFF;
            int ts = lastTs;
            if (sent) {
                long elapsed = Math.max(1, nowMillis - lastMillis);
                ts = lastTs + (int) (elapsed * clockRate / 1000);
            }
            seqOffset = seq - inSeq;
            tsOffset = ts - inTs;
            sourceSsrc = inSsrc;
            haveSource = true;
            forceChange = false;
            RtpWriter.setMarker(buf, off, true);
        }
        int outSeq = (inSeq + seqOffset) & 0xFFFF;
        int outTs = inTs + tsOffset;
        RtpWriter.rewrite(buf, off, outSeq, outTs, ssrc);
        if (!sent || (short) (outSeq - lastSeq) > 0) {
            lastSeq = outSeq;
            lastTs = outTs;
            lastMillis = nowMillis;
        }
        sent = true;
    }
}
