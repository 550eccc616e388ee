package org.switchboard.media.rtp;

/**
 * Turns a stream of RFC 4733 event packets into one begin and one end per key press. A press
 * is identified by its RTP timestamp (§2.5.2: all packets of an event share the start
 * timestamp): updates and the usually triple end packet (§2.5.1.4) of a press collapse into
 * one begin and one end; a press whose end packets were all lost ends when the next press
 * starts, or via {@link #expire} after {@code timeoutMillis} without packets. Packets of a
 * press older than the current one are ignored. Not thread-safe; no allocation.
 */
public final class DtmfReceiver {
    /** Receives digits as they begin and end. */
    public interface Listener {
        void begin(char digit);
        void end(char digit, int durationMillis);
    }

    private final Listener listener;
    private final int clockRate;
    private final long timeoutMillis;
    private boolean active;       // a press has begun and not ended
    private boolean seen;         // some press has been seen (current fields valid)
    private int timestamp;        // start timestamp of the current (or last ended) press
    private int event;
    private int duration;
    private long lastPacketMillis;

    public DtmfReceiver(int clockRate, long timeoutMillis, Listener listener) {
        this.clockRate = clockRate;
        this.timeoutMillis = timeoutMillis;
        this.listener = listener;
    }

    /** Feeds one telephone-event packet: its RTP timestamp, payload and arrival time. */
    public void onPacket(int rtpTimestamp, TelephoneEvent ev, long nowMillis) {
        char digit = ev.digit();
        if (digit == 0) return; // flash and non-DTMF events are not digits
        if (seen && rtpTimestamp == timestamp && ev.event() == event) {
            if (!active) return;  // redundant end, or an update arriving after the end
            duration = Math.max(duration, ev.duration());
            lastPacketMillis = nowMillis;
            if (ev.end()) finish();
            return;
        }
        if (seen && rtpTimestamp - timestamp < 0) return; // a late packet of an earlier press
        if (active) finish(); // the previous press lost all its end packets
        seen = true;
        active = true;
        timestamp = rtpTimestamp;
        event = ev.event();
        duration = ev.duration();
        lastPacketMillis = nowMillis;
        listener.begin(digit);
        if (ev.end()) finish(); // only the end survived: still one begin and one end
    }

    /** Ends a press that has had no packet for the timeout; call it from the media clock. */
    public void expire(long nowMillis) {
        if (active && nowMillis - lastPacketMillis >= timeoutMillis) finish();
    }

    /** True while a key is held (begun, not ended). */
    public boolean active() { return active; }

    private void finish() {
        active = false;
        listener.end(TelephoneEvent.digitOf(event), (int) ((duration & 0xFFFFL) * 1000 / clockRate));
    }
}
