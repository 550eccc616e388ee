package org.switchboard.channels.skype;

import org.switchboard.core.HangupCause;

/** Jingle reasons (XEP-0166 §7.4) to Q.850 causes and back, for DIALSTATUS and HANGUPCAUSE. No I/O. */
final class SkypeCauses {
    private SkypeCauses() {}

    /** The cause of a call the far end ended with this reason (null: none given). */
    static int fromReason(String reason) {
        if (reason == null) return HangupCause.NORMAL_CLEARING;
        return switch (reason) {
            case "busy", "decline" -> HangupCause.USER_BUSY;      // DIALSTATUS BUSY
            case "success", "cancel", "gone" -> HangupCause.NORMAL_CLEARING;
            case "timeout", "expired" -> HangupCause.NO_USER_RESPONSE;
            case "connectivity-error", "failed-transport", "failed-application", "incompatible-parameters", "media-error",
                 "security-error", "unsupported-applications", "unsupported-transports" -> HangupCause.NORMAL_CIRCUIT_CONGESTION;
            default -> HangupCause.NORMAL_UNSPECIFIED;
        };
    }

    /** The reason we send when our side ends a call with this cause before it was answered. */
    static String refusal(int cause) {
        return switch (cause) {
            case HangupCause.USER_BUSY -> "busy";
            case HangupCause.NO_ANSWER, HangupCause.NO_USER_RESPONSE -> "timeout";
            case HangupCause.NORMAL_CIRCUIT_CONGESTION, HangupCause.SWITCH_CONGESTION -> "general-error";
            default -> "decline";
        };
    }
}
