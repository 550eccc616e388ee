package org.switchboard.media.rtp;

/**
 * A small playout buffer for one incoming stream on a leg where we play, record or transcode
 * (G.711 relayed between agreeing legs bypasses it). Packets are put as they arrive, in any
 * order; the media clock polls one packet per interval, in sequence order.
 *
 * <ul>
 *   <li>Playout starts once {@code depth} packets are buffered.</li>
 *   <li>A packet behind the playout point, or a duplicate, is dropped and counted as late.</li>
 *   <li>A missing packet is concealed: the previous payload repeats (at most
 *       {@code maxRepeats} times), then {@link Kind#LOST} tells the caller to play silence.</li>
 *   <li>Adaptive mode grows the depth by one packet (up to {@code maxDepth}) when a packet
 *       arrives late, and shrinks it by one after 500 intervals without lateness while more
 *       than the depth is buffered (one packet is skipped).</li>
 *   <li>A jump of more than the capacity ahead (a new source, a long outage) restarts the buffer.</li>
 * </ul>
 * Payloads are copied into preallocated slots: no allocation per packet. Not thread-safe.
 */
public final class JitterBuffer {
    /** What {@link #poll} produced. */
    public enum Kind { PACKET, REPEAT, LOST, WAITING }

    private static final int CALM_INTERVALS = 500;
    private static final int MAX_MISORDER = 1000;

    private final int capacity;       // power of two
    private final byte[][] slots;
    private final int[] lengths;
    private final int[] timestamps;
    private final int[] seqs;
    private final boolean[] present;
    private final boolean adaptive;
    private final int minDepth;
    private final int maxDepth;
    private final int maxRepeats;
    private int depth;
    private boolean playing;
    private boolean started;          // next is meaningful: playout has begun on this source
    private int next;                 // sequence to play next
    private int lastPlayed;           // sequence of the last packet played
    private int count;
    private int repeats;
    private int lastLength = -1;
    private byte[] last;              // copy of the last payload played, for repeats
    private int lastTimestamp;
    private int calm;
    private long late, lost, skipped;

    /**
     * @param capacity   slots (rounded up to a power of two, at least 2 × maxDepth)
     * @param maxPayload largest payload kept
     * @param depth      packets buffered before playout (and the minimum in adaptive mode)
     * @param maxDepth   adaptive mode's ceiling; equal to depth for a fixed buffer
     */
    public JitterBuffer(int capacity, int maxPayload, int depth, int maxDepth, int maxRepeats) {
        if (depth < 1 || maxDepth < depth) throw new IllegalArgumentException("need 1 <= depth <= maxDepth");
        int cap = Integer.highestOneBit(Math.max(capacity, 2 * maxDepth) - 1) << 1;
        this.capacity = cap;
        this.slots = new byte[cap][maxPayload];
        this.lengths = new int[cap];
        this.timestamps = new int[cap];
        this.seqs = new int[cap];
        this.present = new boolean[cap];
        this.adaptive = maxDepth > depth;
        this.minDepth = depth;
        this.maxDepth = maxDepth;
        this.depth = depth;
        this.maxRepeats = maxRepeats;
    }

    /** A fixed buffer: 32 slots of 1500 bytes, {@code depth} packets deep, two repeats. */
    public static JitterBuffer fixed(int depth) { return new JitterBuffer(32, 1500, depth, depth, 2); }

    /** An adaptive buffer between {@code minDepth} and {@code maxDepth} packets. */
    public static JitterBuffer adaptive(int minDepth, int maxDepth) {
        return new JitterBuffer(Math.max(32, 4 * maxDepth), 1500, minDepth, maxDepth, 2);
    }

    /** Stores a packet; returns false when it is dropped (late, duplicate or too large). */
    public boolean put(int sequence, int timestamp, byte[] payload, int off, int len) {
        sequence &= 0xFFFF;
        if (len > slots[0].length) return false;
        if (started) {
            // While stalled (drained, buffering again) only what was actually played is behind us.
            int ref = playing ? next : (lastPlayed + 1) & 0xFFFF;
            int ahead = (short) (sequence - ref);
            if (ahead < 0 && ahead > -MAX_MISORDER) {
                late++;
                if (adaptive && depth < maxDepth) depth++;
                calm = 0;
                return false;
            }
            if (ahead < 0 || ahead >= capacity - 1) restart();
        } else if (count > 0) {
            int ahead = (short) (sequence - oldest());
            if (ahead >= capacity - 1 || ahead <= -(capacity - 1)) restart();
        }
        int i = sequence & (capacity - 1);
        if (present[i] && seqs[i] == sequence) { late++; return false; } // duplicate
        if (!present[i]) count++;
        present[i] = true;
        seqs[i] = sequence;
        timestamps[i] = timestamp;
        lengths[i] = len;
        System.arraycopy(payload, off, slots[i], 0, len);
        return true;
    }

    /**
     * The next interval's audio, copied to {@code out}: check the result's kind and {@link
     * #lastLength()}. WAITING and LOST write nothing.
     */
    public Kind poll(byte[] out, int outOff) {
        if (!playing) {
            if (count < depth) return Kind.WAITING;
            next = oldest();
            if (!started) lastPlayed = (next - 1) & 0xFFFF;
            playing = true;
            started = true;
        }
        if (adaptive && ++calm >= CALM_INTERVALS && count > depth + 1 && depth > minDepth) {
            depth--;
            calm = 0;
            int i = next & (capacity - 1);
            if (present[i] && seqs[i] == next) { present[i] = false; count--; skipped++; }
            next = (next + 1) & 0xFFFF;
        }
        int i = next & (capacity - 1);
        next = (next + 1) & 0xFFFF;
        if (present[i] && seqs[i] == ((next - 1) & 0xFFFF)) {
            present[i] = false;
            count--;
            repeats = 0;
            lastPlayed = seqs[i];
            lastLength = lengths[i];
            lastTimestamp = timestamps[i];
            System.arraycopy(slots[i], 0, out, outOff, lastLength);
            System.arraycopy(slots[i], 0, lastPayload(), 0, lastLength);
            return Kind.PACKET;
        }
        lost++;
        if (count == 0 && repeats >= maxRepeats) {
            playing = false; // drained: buffer up again before resuming
        }
        if (lastLength >= 0 && repeats < maxRepeats) {
            repeats++;
            System.arraycopy(lastPayload(), 0, out, outOff, lastLength);
            return Kind.REPEAT;
        }
        return Kind.LOST;
    }

    private byte[] lastPayload() {
        if (last == null) last = new byte[slots[0].length];
        return last;
    }

    private int oldest() {
        int best = -1;
        for (int i = 0; i < capacity; i++) {
            if (present[i] && (best < 0 || (short) (seqs[i] - best) < 0)) best = seqs[i];
        }
        return best;
    }

    /** Forgets everything buffered and the playout point (a new source); counters stay. */
    public void restart() {
        java.util.Arrays.fill(present, false);
        count = 0;
        playing = false;
        started = false;
        repeats = 0;
    }

    public int lastLength() { return lastLength; }
    public int lastTimestamp() { return lastTimestamp; }
    public int depth() { return depth; }
    public int buffered() { return count; }
    public long late() { return late; }
    public long lost() { return lost; }
    public long skipped() { return skipped; }
}
