package org.switchboard.apps;

import org.switchboard.core.HangupCause;

/** Why the destinations of one Dial did not answer, counted the way app_dial's handle_cause does. */
final class DialOutcome {
    int busy;
    int congestion;
    int nochan;
    boolean timedOut;
    boolean cancelled;

    void count(int cause) {
        switch (cause) {
            case HangupCause.USER_BUSY -> busy++;
            case HangupCause.NORMAL_CIRCUIT_CONGESTION, HangupCause.SWITCH_CONGESTION -> congestion++;
            default -> nochan++;
        }
    }

    int total() { return busy + congestion + nochan; }

    /** DIALSTATUS for a Dial nobody answered. */
    String status() {
        if (cancelled) return "CANCEL";
        if (timedOut) return "NOANSWER";
        if (busy > 0) return "BUSY";
        if (congestion > 0) return "CONGESTION";
        if (nochan > 0) return "CHANUNAVAIL";
        return "NOANSWER";
    }
}
