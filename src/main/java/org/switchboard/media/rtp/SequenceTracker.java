package org.switchboard.media.rtp;

/**
 * Per-source receive statistics of RFC 3550: sequence validation with wrap-around, probation
 * and resync (Appendix A.1), expected/lost counts and the fraction lost (A.3), and
 * interarrival jitter (A.8), ready for an RTCP report block. Not thread-safe; no allocation.
 */
public final class SequenceTracker {
    private static final int SEQ_MOD = 1 << 16;
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;

    private final int minSequential;
    private boolean started;
    private int maxSeq;         // highest sequence seen
    private int cycles;         // wraps, shifted by 16
    private int baseSeq;
    private int badSeq;
    private int probation;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private int transit;
    private boolean haveTransit;
    private int jitter;         // scaled by 16 (A.8)

    /** @param minSequential packets in sequence before a source is valid (A.1 uses 2; 0 or 1 accepts the first) */
    public SequenceTracker(int minSequential) { this.minSequential = Math.max(1, minSequential); }

    public SequenceTracker() { this(2); }

    /**
     * Records one packet; returns false when A.1 says not to use it (still on probation, or a
     * large jump not yet confirmed by a second packet). Duplicates and reordered packets are valid.
     */
    public boolean update(int seq) {
        seq &= 0xFFFF;
        if (!started) {
            started = true;
            init(seq);
            maxSeq = (seq - 1) & 0xFFFF;
            probation = minSequential - 1;
            if (probation == 0) {
                init(seq);
                received++;
                return true;
            }
            maxSeq = seq;
            return false;
        }
        int udelta = (seq - maxSeq) & 0xFFFF;
        if (probation > 0) {
            if (seq == ((maxSeq + 1) & 0xFFFF)) {
                probation--;
                maxSeq = seq;
                if (probation == 0) {
                    init(seq);
                    received++;
                    return true;
                }
            } else {
                probation = minSequential - 1;
                maxSeq = seq;
            }
            return false;
        } else if (udelta < MAX_DROPOUT) {
            if (seq < maxSeq) cycles += SEQ_MOD;  // in order, with permissible gap; wrapped
            maxSeq = seq;
        } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
            if (seq == badSeq) {
                init(seq);  // two sequential packets after a big jump: the source restarted
            } else {
                badSeq = (seq + 1) & 0xFFFF;
                return false;
            }
        }
        received++;
        return true;
    }

    /**
     * Updates the jitter estimate (A.8) with a packet's RTP timestamp and its arrival time
     * expressed in the same clock's units.
     */
    public void arrival(int rtpTimestamp, int arrivalUnits) {
        int t = arrivalUnits - rtpTimestamp;
        if (haveTransit) {
            int d = Math.abs(t - transit);
            jitter += d - ((jitter + 8) >> 4);
        }
        transit = t;
        haveTransit = true;
    }

    private void init(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
    }

    /** The extended highest sequence number: cycles in the upper 16 bits. */
    public int extendedMax() { return cycles + maxSeq; }

    public long received() { return received; }

    public long expected() { return started ? (long) extendedMax() - baseSeq + 1 : 0; }

    /** Cumulative packets lost (A.3), negative with duplicates, clamped to 24 signed bits. */
    public int cumulativeLost() {
        long lost = expected() - received;
        return (int) Math.max(-0x800000, Math.min(0x7FFFFF, lost));
    }

    /** Interarrival jitter in timestamp units (A.8). */
    public int jitter() { return jitter >> 4; }

    /**
     * Fraction lost since the previous call, in 1/256 (A.3); starts a new interval, so call it
     * once per report.
     */
    public int fractionLostAndReset() {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        return expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
    }

    /** A report block for this source (§6.4.1), starting a new fraction-lost interval. */
    public RtcpPacket.ReportBlock report(int ssrc, int lastSr, int delaySinceLastSr) {
        return new RtcpPacket.ReportBlock(ssrc, fractionLostAndReset(), cumulativeLost(), extendedMax(), jitter(),
            lastSr, delaySinceLastSr);
    }
}
