package org.switchboard.res.cdr;

import org.switchboard.core.HangupCause;

/**
 * How a call record ended, with the numbers Asterisk's cdr.h gives them (CDR(disposition,u)) and
 * the words its backends write. The not-yet-decided NULL reads as {@code NO ANSWER}, as in Asterisk.
 */
public enum CdrDisposition {
    NO_ANSWER(0, "NO ANSWER"),
    NULL(1, "NO ANSWER"),
    FAILED(2, "FAILED"),
    BUSY(4, "BUSY"),
    ANSWERED(8, "ANSWERED"),
    CONGESTION(16, "CONGESTION"),
    CANCEL(32, "CANCEL");

    private final int value;
    private final String text;

    CdrDisposition(int value, String text) {
        this.value = value;
        this.text = text;
    }

    /** The number of CDR(disposition,u) and integer database columns. */
    public int value() { return value; }

    /** The word Master.csv, the Manager's Cdr event and text columns carry. */
    public String text() { return text; }

    /** Dial's DIALSTATUS as a disposition (cdr.c's dial status mapping); RINGING and the like are not an end. */
    static CdrDisposition ofDialStatus(String status, CdrConfig config) {
        return switch (status) {
            case "ANSWER" -> ANSWERED;
            case "BUSY" -> BUSY;
            case "CANCEL" -> config.cancelDisposition() ? CANCEL : NO_ANSWER;
            case "NOANSWER" -> NO_ANSWER;
            case "CONGESTION" -> config.congestion() ? CONGESTION : FAILED;
            default -> FAILED;   // FAILED, CHANUNAVAIL, and anything new
        };
    }

    /**
     * The disposition a Q.850 hangup cause gives a record nobody answered: busy (17), congestion
     * (34: FAILED unless cdr.conf logs congestion), no route or unregistered (3, 20) failed, a plain
     * clearing or no answer (16, 19); any other cause leaves it undecided (null).
     */
    static CdrDisposition ofHangupCause(int cause, CdrConfig config) {
        return switch (cause) {
            case HangupCause.USER_BUSY -> BUSY;
            case HangupCause.NORMAL_CIRCUIT_CONGESTION -> config.congestion() ? CONGESTION : FAILED;
            case HangupCause.NO_ROUTE_DESTINATION, HangupCause.SUBSCRIBER_ABSENT -> FAILED;
            case HangupCause.NORMAL_CLEARING, HangupCause.NO_ANSWER -> NO_ANSWER;
            default -> null;
        };
    }
}
