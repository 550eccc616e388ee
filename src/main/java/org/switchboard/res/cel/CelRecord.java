package org.switchboard.res.cel;

/**
 * One CEL record: the event and the channel as it was then (Asterisk's ast_cel_event_record).
 * {@code userDefinedName} is set for USER_DEFINED events; {@code extra} is the event's JSON.
 */
public record CelRecord(CelEventType type, String userDefinedName, long timeMicros, String callerIdName,
                        String callerIdNum, String ani, String rdnis, String dnid, String exten, String context,
                        String channelName, String application, String appData, int amaFlags, String accountCode,
                        String peerAccount, String uniqueId, String linkedId, String userField, String peer, String extra) {

    /** The name a backend writes: the user's own for USER_DEFINED (unless show_user_defined), else the type. */
    public String eventName(boolean showUserDefined) {
        return type == CelEventType.USER_DEFINED && !showUserDefined ? userDefinedName : type.name();
    }
}
