package org.switchboard.res.devstate;

/**
 * Extension states as Asterisk numbers them ({@code enum ast_extension_states}): bits, so that
 * ringing and in use can be told together; -1 when the extension has no hint.
 */
public final class ExtensionStates {
    private ExtensionStates() {}

    public static final int NO_HINT = -1;
    public static final int NOT_INUSE = 0;
    public static final int INUSE = 1;
    public static final int BUSY = 2;
    public static final int UNAVAILABLE = 4;
    public static final int RINGING = 8;
    public static final int ONHOLD = 16;

    /** ast_devstate_to_extenstate: what the hint's aggregated device state means for the extension. */
    public static int of(DeviceState s) {
        return switch (s) {
            case ONHOLD -> ONHOLD;
            case BUSY -> BUSY;
            case UNKNOWN, NOT_INUSE -> NOT_INUSE;
            case UNAVAILABLE, INVALID -> UNAVAILABLE;
            case RINGINUSE -> INUSE | RINGING;
            case RINGING -> RINGING;
            case INUSE -> INUSE;
        };
    }

    /** The word EXTENSION_STATE() returns (func_extstate's ast_extstate_str); UNKNOWN without a hint. */
    public static String word(int state) {
        return switch (state) {
            case NOT_INUSE -> "NOT_INUSE";
            case INUSE -> "INUSE";
            case BUSY -> "BUSY";
            case UNAVAILABLE -> "UNAVAILABLE";
            case RINGING -> "RINGING";
            case INUSE | RINGING -> "RINGINUSE";
            case INUSE | ONHOLD -> "HOLDINUSE";
            case ONHOLD -> "ONHOLD";
            default -> "UNKNOWN";
        };
    }

    /** ast_extension_state2str: the text of {@code core show hints} and the ExtensionStatus event's StatusText. */
    public static String text(int state) {
        return switch (state) {
            case NOT_INUSE -> "Idle";
            case INUSE -> "InUse";
            case BUSY -> "Busy";
            case UNAVAILABLE -> "Unavailable";
            case RINGING -> "Ringing";
            case INUSE | RINGING -> "InUse&Ringing";
            case ONHOLD -> "Hold";
            case INUSE | ONHOLD -> "InUse&Hold";
            default -> "Unknown";
        };
    }
}
