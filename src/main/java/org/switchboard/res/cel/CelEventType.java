package org.switchboard.res.cel;

/** The channel events CEL records (Asterisk 20's names, without the AST_CEL_ prefix). */
public enum CelEventType {
    CHAN_START, CHAN_END, ANSWER, HANGUP, APP_START, APP_END, PARK_START, PARK_END, USER_DEFINED,
    BRIDGE_ENTER, BRIDGE_EXIT, BLINDTRANSFER, ATTENDEDTRANSFER, PICKUP, FORWARD, LINKEDID_END,
    LOCAL_OPTIMIZE, LOCAL_OPTIMIZE_BEGIN;

    /** The type named exactly so (cel.conf event names are case-sensitive), or null. */
    static CelEventType named(String name) {
        for (CelEventType t : values()) if (t.name().equals(name)) return t;
        return null;
    }
}
