package org.switchboard.res.cdr;

import org.switchboard.core.AmaFlags;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerEvent;

/**
 * One channel as an event showed it (Asterisk's channel snapshot, as far as call records need it).
 * Name, state, dialplan location, IDs and account code come from the event's channel fields;
 * what those fields cannot carry exactly (an empty caller ID shows as {@code <unknown>}, the AMA
 * flags, the creation time and the hangup cause so far) is read from the channel the event names.
 *
 * @param app      the application it runs (Newexten); other events keep the last one
 * @param up       answered (state Up)
 * @param inHangup running the {@code h} extension (Asterisk's HANGUP_EXEC)
 * @param dead     hung up
 */
record CdrSnapshot(String name, String uniqueId, String linkedId, String callerName, String callerNumber,
                   String context, String exten, int priority, String app, String appData, boolean up,
                   String accountCode, int amaFlags, long createdMillis, int hangupCause, boolean inHangup,
                   boolean dead) {

    /** The channel fields of {@code e} under {@code prefix} ("" or "Dest"), over {@code before} (null for a new channel). */
    static CdrSnapshot of(ManagerEvent e, String prefix, Channel ch, CdrSnapshot before) {
        String name = field(e, prefix + "Channel", before == null ? "" : before.name);
        String app = before == null ? "" : before.app;
        String data = before == null ? "" : before.appData;
        if (prefix.isEmpty() && e.name().equals("Newexten")) {
            app = field(e, "Application", app);
            data = field(e, "AppData", data);
        }
        String exten = field(e, prefix + "Exten", before == null ? "" : before.exten);
        boolean inHangup = (before != null && before.inHangup) || (prefix.isEmpty() && e.name().equals("Newexten") && exten.equals("h"));
        String callerName = ch != null ? nz(ch.callerId().name()) : unknownless(e.get(prefix + "CallerIDName"));
        String callerNumber = ch != null ? nz(ch.callerId().number()) : unknownless(e.get(prefix + "CallerIDNum"));
        int cause = ch != null ? ch.hangupCause() : before == null ? 0 : before.hangupCause;
        if (prefix.isEmpty() && e.name().equals("Hangup")) cause = parseInt(e.get("Cause"), cause);
        return new CdrSnapshot(name,
                field(e, prefix + "Uniqueid", before == null ? "" : before.uniqueId),
                field(e, prefix + "Linkedid", before == null ? "" : before.linkedId),
                callerName, callerNumber,
                field(e, prefix + "Context", before == null ? "" : before.context),
                exten,
                parseInt(e.get(prefix + "Priority"), before == null ? 1 : before.priority),
                app, data,
                "6".equals(e.get(prefix + "ChannelState")),
                field(e, prefix + "AccountCode", before == null ? "" : before.accountCode),
                ch != null ? ch.amaFlags() : before == null ? AmaFlags.DOCUMENTATION : before.amaFlags,
                ch != null ? ch.createdMillis() : before == null ? System.currentTimeMillis() : before.createdMillis,
                cause, inHangup,
                (before != null && before.dead) || (prefix.isEmpty() && e.name().equals("Hangup")));
    }

    CdrSnapshot withHangupCause(int cause) {
        if (cause == hangupCause) return this;
        return new CdrSnapshot(name, uniqueId, linkedId, callerName, callerNumber, context, exten, priority, app, appData,
                up, accountCode, amaFlags, createdMillis, cause, inHangup, dead);
    }

    private static String field(ManagerEvent e, String key, String dflt) {
        String v = e.get(key);
        return v == null ? dflt : v;
    }

    private static String unknownless(String v) { return v == null || v.equals("<unknown>") ? "" : v; }

    private static String nz(String s) { return s == null ? "" : s; }

    private static int parseInt(String s, int dflt) {
        if (s == null) return dflt;
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException ex) {
            return dflt;
        }
    }
}
