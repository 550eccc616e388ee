package org.switchboard.core;

/** The Q.850 cause codes Asterisk uses, and the text it prints for them (ast_cause2str). */
public final class HangupCause {
    /** No cause set yet (AST_CAUSE_NOTDEFINED): the channel has not been told why it ends. */
    public static final int NOT_DEFINED = 0;
    public static final int UNALLOCATED = 1;
    public static final int NO_ROUTE_TRANSIT_NET = 2;
    public static final int NO_ROUTE_DESTINATION = 3;
    public static final int NORMAL_CLEARING = 16;
    public static final int USER_BUSY = 17;
    public static final int NO_USER_RESPONSE = 18;
    public static final int NO_ANSWER = 19;
    public static final int CALL_REJECTED = 21;
    public static final int NUMBER_CHANGED = 22;
    public static final int ANSWERED_ELSEWHERE = 26;
    public static final int DESTINATION_OUT_OF_ORDER = 27;
    public static final int FACILITY_REJECTED = 29;
    public static final int NORMAL_UNSPECIFIED = 31;
    public static final int NORMAL_CIRCUIT_CONGESTION = 34;
    public static final int SWITCH_CONGESTION = 42;
    public static final int REQUESTED_CHAN_UNAVAIL = 44;
    public static final int SUBSCRIBER_ABSENT = 20;
    public static final int BEARERCAPABILITY_NOTAVAIL = 58;
    public static final int CHAN_NOT_IMPLEMENTED = 66;
    public static final int INVALID_NUMBER_FORMAT = 28;
    public static final int FAILURE = 38;
    public static final int NORMAL_TEMPORARY_FAILURE = 41;
    public static final int RECOVERY_ON_TIMER_EXPIRE = 102;
    public static final int INTERWORKING = 127;

    private HangupCause() {}

    public static String describe(int cause) {
        return switch (cause) {
            case NOT_DEFINED -> "Unknown";
            case UNALLOCATED -> "Unallocated (unassigned) number";
            case NO_ROUTE_TRANSIT_NET -> "No route to specified transmit network";
            case NO_ROUTE_DESTINATION -> "No route to destination";
            case NORMAL_CLEARING -> "Normal Clearing";
            case USER_BUSY -> "User busy";
            case NO_USER_RESPONSE -> "No user responding";
            case NO_ANSWER -> "User alerting, no answer";
            case SUBSCRIBER_ABSENT -> "Subscriber absent";
            case CALL_REJECTED -> "Call Rejected";
            case NUMBER_CHANGED -> "Number changed";
            case ANSWERED_ELSEWHERE -> "Answered elsewhere";
            case DESTINATION_OUT_OF_ORDER -> "Destination out of order";
            case FACILITY_REJECTED -> "Facility rejected";
            case INVALID_NUMBER_FORMAT -> "Invalid number format (addr incomplete)";
            case NORMAL_UNSPECIFIED -> "Normal, unspecified";
            case NORMAL_CIRCUIT_CONGESTION -> "Circuit/channel congestion";
            case FAILURE -> "Network out of order";
            case NORMAL_TEMPORARY_FAILURE -> "Temporary failure";
            case SWITCH_CONGESTION -> "Switching equipment congestion";
            case REQUESTED_CHAN_UNAVAIL -> "Requested channel not available";
            case BEARERCAPABILITY_NOTAVAIL -> "Bearer capability not available";
            case CHAN_NOT_IMPLEMENTED -> "Channel not implemented";
            case RECOVERY_ON_TIMER_EXPIRE -> "Recovery on timer expiry";
            case INTERWORKING -> "Interworking, unspecified";
            default -> "Unknown";
        };
    }
}
