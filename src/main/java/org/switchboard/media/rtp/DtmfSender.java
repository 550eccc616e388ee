package org.switchboard.media.rtp;

/**
 * Generates the RFC 4733 packet sequence for one key press (§2.5.1): every packet carries the
 * press's start timestamp; the first has the marker bit (§2.5.1.2); updates follow each
 * packet interval with a growing duration; the final duration goes out in three end packets
 * (§2.5.1.4). Durations longer than 0xFFFF timestamp units are capped (no §2.5.1.3 segments).
 *
 * <p>Use as an iterator: {@link #start}, then {@link #next} every interval until it returns
 * false. Each packet takes the next RTP sequence number of the stream. No allocation.
 */
public final class DtmfSender {
    public static final int END_REPEATS = 3;

    private final int clockRate;
    private final int intervalUnits;
    private final int volume;
    private int event = -1;
    private int total;       // total duration, timestamp units
    private int sent;        // duration carried by the last update
    private int endsLeft;
    private boolean first;
    private int startTimestamp;

    /** @param intervalMillis packet spacing (the stream's ptime, 20 ms usually); volume in -dBm0 (10 typical) */
    public DtmfSender(int clockRate, int intervalMillis, int volume) {
        this.clockRate = clockRate;
        this.intervalUnits = clockRate * intervalMillis / 1000;
        this.volume = volume;
    }

    /** Begins a press of {@code digit} lasting {@code durationMillis}, starting at {@code rtpTimestamp}. */
    public void start(char digit, int durationMillis, int rtpTimestamp) {
        int ev = TelephoneEvent.eventOf(digit);
        if (ev < 0) throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
        event = ev;
        total = (int) Math.min(0xFFFF, Math.max(intervalUnits, (long) durationMillis * clockRate / 1000));
        sent = 0;
        endsLeft = END_REPEATS;
        first = true;
        startTimestamp = rtpTimestamp;
    }

    /** The RTP timestamp every packet of the current press carries. */
    public int timestamp() { return startTimestamp; }

    /** True when the next packet is the press's first (send it with the marker bit). */
    public boolean marker() { return first; }

    /** True while packets remain. */
    public boolean hasNext() { return event >= 0 && endsLeft > 0; }

    /**
     * Writes the next 4-byte payload into {@code buf} and returns true, or returns false when the
     * press is complete. Check {@link #marker()} before calling for the marker bit.
     */
    public boolean next(byte[] buf, int off) {
        if (!hasNext()) return false;
        first = false;
        boolean end;
        if (sent < total) {
            sent = Math.min(total, sent + intervalUnits);
            end = sent == total;
        } else {
            end = true;
        }
        if (end) endsLeft--;
        TelephoneEvent.write(buf, off, event, end, volume, sent);
        return true;
    }

    /** Timestamp units the press occupies: what the audio timestamp advances by meanwhile. */
    public int durationUnits() { return total; }
}
