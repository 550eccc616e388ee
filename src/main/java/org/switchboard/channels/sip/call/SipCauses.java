package org.switchboard.channels.sip.call;

import org.switchboard.core.HangupCause;

/** SIP responses to Q.850 causes and back, as chan_sip's hangup_sip2cause / hangup_cause2sip map them. */
public final class SipCauses {
    private SipCauses() {}

    /** The hangup cause for a final failure response to our INVITE. */
    public static int fromResponse(int status) {
        return switch (status) {
            case 401, 403, 407, 603 -> HangupCause.CALL_REJECTED;
            case 404, 485, 604 -> HangupCause.UNALLOCATED;
            case 408 -> HangupCause.NO_USER_RESPONSE;
            case 409 -> HangupCause.NORMAL_TEMPORARY_FAILURE;
            case 410 -> HangupCause.NUMBER_CHANGED;
            case 420 -> HangupCause.NO_ROUTE_DESTINATION;
            case 480, 483 -> HangupCause.NO_ANSWER;
            case 484 -> HangupCause.INVALID_NUMBER_FORMAT;
            case 486, 600 -> HangupCause.USER_BUSY;
            case 488, 606 -> HangupCause.BEARERCAPABILITY_NOTAVAIL;
            case 500 -> HangupCause.FAILURE;
            case 501 -> HangupCause.FACILITY_REJECTED;
            case 502 -> HangupCause.DESTINATION_OUT_OF_ORDER;
            case 503 -> HangupCause.NORMAL_CIRCUIT_CONGESTION;
            case 504 -> HangupCause.RECOVERY_ON_TIMER_EXPIRE;
            default -> status >= 400 && status < 600 ? HangupCause.INTERWORKING : HangupCause.NORMAL_CLEARING;
        };
    }

    /** The final response that refuses an unanswered incoming call hung up with {@code cause}. */
    public static int toResponse(int cause) {
        return switch (cause) {
            case HangupCause.UNALLOCATED, HangupCause.NO_ROUTE_DESTINATION, HangupCause.NO_ROUTE_TRANSIT_NET -> 404;
            case HangupCause.NORMAL_CIRCUIT_CONGESTION, HangupCause.SWITCH_CONGESTION -> 503;
            case HangupCause.NO_USER_RESPONSE -> 408;
            case HangupCause.NO_ANSWER, HangupCause.NORMAL_UNSPECIFIED, HangupCause.SUBSCRIBER_ABSENT -> 480;
            case HangupCause.CALL_REJECTED -> 403;
            case HangupCause.NUMBER_CHANGED -> 410;
            case HangupCause.INVALID_NUMBER_FORMAT -> 484;
            case HangupCause.USER_BUSY -> 486;
            case HangupCause.FAILURE -> 500;
            case HangupCause.FACILITY_REJECTED, HangupCause.CHAN_NOT_IMPLEMENTED -> 501;
            case HangupCause.DESTINATION_OUT_OF_ORDER -> 502;
            case HangupCause.BEARERCAPABILITY_NOTAVAIL -> 488;
            default -> 603;
        };
    }
}
