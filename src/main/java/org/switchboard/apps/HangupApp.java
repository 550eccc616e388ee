package org.switchboard.apps;

import java.util.Locale;
import java.util.Map;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.HangupCause;
import org.switchboard.core.PbxLog;

/** Hangup([causecode]): end the call, optionally with a Q.850 cause. */
public final class HangupApp implements Application {
    @Override public String name() { return "Hangup"; }
    @Override public String synopsis() { return "Hang up the calling channel."; }
    @Override public String syntax() { return "Hangup([causecode])"; }

    @Override
    public String description() {
        return """
                Hangs up the calling channel. causecode sets the channel's hangup cause, either as a
                number (16) or as Asterisk's name for it (NORMAL_CLEARING, USER_BUSY, CALL_REJECTED,
                ...). Without one, the cause already set on the channel is kept, or Normal Clearing
                (16) is used. An unknown cause is a warning and is treated as none.""";
    }

    /** ast_str2cause: Asterisk's cause names (causes.h); no name is the start of another. */
    private static final Map<String, Integer> CAUSES = Map.ofEntries(
            Map.entry("UNALLOCATED", 1), Map.entry("NO_ROUTE_TRANSIT_NET", 2), Map.entry("NO_ROUTE_DESTINATION", 3),
            Map.entry("MISDIALLED_TRUNK_PREFIX", 5), Map.entry("CHANNEL_UNACCEPTABLE", 6),
            Map.entry("CALL_AWARDED_DELIVERED", 7), Map.entry("PRE_EMPTED", 8), Map.entry("NUMBER_PORTED_NOT_HERE", 14),
            Map.entry("NORMAL_CLEARING", 16), Map.entry("USER_BUSY", 17), Map.entry("NO_USER_RESPONSE", 18),
            Map.entry("NO_ANSWER", 19), Map.entry("SUBSCRIBER_ABSENT", 20), Map.entry("CALL_REJECTED", 21),
            Map.entry("NUMBER_CHANGED", 22), Map.entry("REDIRECTED_TO_NEW_DESTINATION", 23),
            Map.entry("ANSWERED_ELSEWHERE", 26), Map.entry("DESTINATION_OUT_OF_ORDER", 27),
            Map.entry("INVALID_NUMBER_FORMAT", 28), Map.entry("FACILITY_REJECTED", 29),
            Map.entry("RESPONSE_TO_STATUS_ENQUIRY", 30), Map.entry("NORMAL_UNSPECIFIED", 31),
            Map.entry("NORMAL_CIRCUIT_CONGESTION", 34), Map.entry("NETWORK_OUT_OF_ORDER", 38),
            Map.entry("NORMAL_TEMPORARY_FAILURE", 41), Map.entry("SWITCH_CONGESTION", 42),
            Map.entry("ACCESS_INFO_DISCARDED", 43), Map.entry("REQUESTED_CHAN_UNAVAIL", 44),
            Map.entry("FACILITY_NOT_SUBSCRIBED", 50), Map.entry("OUTGOING_CALL_BARRED", 52),
            Map.entry("INCOMING_CALL_BARRED", 54), Map.entry("BEARERCAPABILITY_NOTAUTH", 57),
            Map.entry("BEARERCAPABILITY_NOTAVAIL", 58), Map.entry("BEARERCAPABILITY_NOTIMPL", 65),
            Map.entry("CHAN_NOT_IMPLEMENTED", 66), Map.entry("FACILITY_NOT_IMPLEMENTED", 69),
            Map.entry("INVALID_CALL_REFERENCE", 81), Map.entry("INCOMPATIBLE_DESTINATION", 88),
            Map.entry("INVALID_MSG_UNSPECIFIED", 95), Map.entry("MANDATORY_IE_MISSING", 96),
            Map.entry("MESSAGE_TYPE_NONEXIST", 97), Map.entry("WRONG_MESSAGE", 98), Map.entry("IE_NONEXIST", 99),
            Map.entry("INVALID_IE_CONTENTS", 100), Map.entry("WRONG_CALL_STATE", 101),
            Map.entry("RECOVERY_ON_TIMER_EXPIRE", 102), Map.entry("MANDATORY_IE_LENGTH_ERROR", 103),
            Map.entry("PROTOCOL_ERROR", 111), Map.entry("INTERWORKING", 127));

    /** A name matches when the text starts with it (strncasecmp over the name's length). */
    private static Integer causeByName(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (Map.Entry<String, Integer> e : CAUSES.entrySet()) {
            if (upper.startsWith(e.getKey())) return e.getValue();
        }
        return null;
    }

    @Override
    public Result execute(Channel channel, String data) {
        int cause = 0;
        if (data != null && !data.isEmpty()) {
            Integer named = causeByName(data);
            if (named != null) {
                cause = named;
            } else {
                Integer n = AppSupport.leadingInt(data);
                if (n == null || n <= 0) {
                    PbxLog.warning("pbx_builtins.c", "Invalid cause given to Hangup(): \"" + data + "\"");
                } else {
                    cause = n;
                }
            }
        }
        if (cause <= 0) {
            cause = channel.hangupCause();
            if (cause <= 0) cause = HangupCause.NORMAL_CLEARING;
        }
        channel.setHangupCause(cause);
        channel.softHangup(cause);
        return Result.HANGUP;
    }
}
