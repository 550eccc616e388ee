package org.switchboard.channels.sip.transaction;

/**
 * The base timer values (RFC 3261 §17.1.1.1, Table 4), in milliseconds: T1 the RTT estimate, T2
 * the cap on non-INVITE and response retransmission intervals, T4 how long a message lingers in
 * the network, and D the wait for response retransmissions in a Completed client INVITE
 * transaction (at least 32 s over UDP, §17.1.1.2). B is how long an INVITE client transaction
 * waits for any response before the call gives up (§17.1.1.2: 64*T1 unless configured, as
 * sip.conf's {@code timerb=}).
 */
public record TimerSettings(long t1, long t2, long t4, long d, long b) {

    public static final TimerSettings DEFAULT = new TimerSettings(500, 4000, 5000, 32000);

    /** Fires 100 Trying when the TU has not answered an INVITE (§17.2.1). */
    public static final long TRYING_DELAY = 200;

    public TimerSettings {
        if (t1 <= 0 || t2 < t1 || t4 <= 0 || d < 0 || b <= 0) throw new IllegalArgumentException("bad SIP timer values");
    }

    public TimerSettings(long t1, long t2, long t4, long d) { this(t1, t2, t4, d, 64 * t1); }

    public TimerSettings(long t1, long t2, long t4) { this(t1, t2, t4, Math.max(32000, 64 * t1)); }

    /** Timers F, H, J and L: 64*T1 (timer B defaults to it, see {@link #b()}). */
    public long timeout() { return 64 * t1; }

    /** The same timers with timer B set (sip.conf {@code timerb=}). */
    public TimerSettings withTimerB(long timerB) { return new TimerSettings(t1, t2, t4, d, timerB); }
}
