package org.switchboard.channels.skype;

import java.util.Locale;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.packet.RosterPacket;

/** Skype's buddy status strings, from XMPP presence and subscription (DESIGN.md's mapping). No I/O. */
public final class SkypeStatus {
    public static final String ONLINE = "Online";
    public static final String AWAY = "Away";
    public static final String NOT_AVAILABLE = "Not Available";
    public static final String DND = "Do Not Disturb";
    public static final String OFFLINE = "Offline";
    public static final String WAITING = "Waiting for Authorization";
    public static final String UNKNOWN = "Unknown";

    private SkypeStatus() {}

    /**
     * @param subscription the roster item's subscription, null when the buddy is not on the roster
     * @param presence     the buddy's best presence (Smack's {@code Roster.getPresence}), may be null
     */
    public static String of(RosterPacket.ItemType subscription, Presence presence) {
        if (subscription == null) return UNKNOWN;
        // we see the buddy's presence only when they authorized us (subscription to or both)
        if (subscription != RosterPacket.ItemType.to && subscription != RosterPacket.ItemType.both) return WAITING;
        if (presence == null) return OFFLINE;
        return switch (presence.getType()) {
            case available -> mode(presence.getMode());
            case unavailable -> OFFLINE;
            case error -> UNKNOWN;
            default -> UNKNOWN;
        };
    }

    static String mode(Presence.Mode mode) {
        if (mode == null) return ONLINE;
        return switch (mode) {
            case available, chat -> ONLINE;
            case away -> AWAY;
            case xa -> NOT_AVAILABLE;
            case dnd -> DND;
        };
    }

    /** The presence mode an account shows for its {@code status=} word (Skype's or XMPP's). */
    static Presence.Mode modeFor(String status) {
        return switch (status == null ? "online" : status.trim().toLowerCase(Locale.ROOT)) {
            case "chat" -> Presence.Mode.chat;
            case "away" -> Presence.Mode.away;
            case "xa", "na", "not available" -> Presence.Mode.xa;
            case "dnd", "do not disturb" -> Presence.Mode.dnd;
            default -> Presence.Mode.available;
        };
    }
}
