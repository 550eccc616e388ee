package org.switchboard.apps;

import org.switchboard.core.HangupCause;

/** Why the destinations of one Dial did not answer, counted the way app_dial's handle_cause does. */
final class DialOutcome {
    int busy;
    int congestion;
    int nochan;
    boolean timedOut;
    boolean cancelled;

    /** app_dial's handle_cause: a plain hangup or no-answer is not counted against the line. */
    void count(int cause) {
        switch (cause) {
            case HangupCause.NORMAL_CLEARING, HangupCause.NO_ANSWER, HangupCause.NO_USER_RESPONSE -> { } // 408/480: NOANSWER
            case HangupCause.USER_BUSY -> busy++;
            case HangupCause.NORMAL_CIRCUIT_CONGESTION, HangupCause.SWITCH_CONGESTION -> congestion++;
            default -> nochan++;
        }
    }

    int total() { return busy + congestion + nochan; }

    /**
     * DIALSTATUS for a Dial nobody answered, as app_dial decides it: CHANUNAVAIL when no line could
     * be placed at all; NOANSWER unless every line was counted busy, congested or unavailable.
     *
     * @param lines every destination of the Dial, placed or not
     */
    String status(int lines, int placed) {
        if (cancelled) return "CANCEL";
        if (placed == 0) return "CHANUNAVAIL";
        if (timedOut || total() != lines) return "NOANSWER";
        if (busy > 0) return "BUSY";
        if (congestion > 0) return "CONGESTION";
        return "CHANUNAVAIL";
    }
}
