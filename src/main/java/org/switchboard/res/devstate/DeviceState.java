package org.switchboard.res.devstate;

import java.util.Locale;

/**
 * A device's state as Asterisk numbers and names it ({@code enum ast_device_state},
 * {@code ast_devstate_str}): what {@code DEVICE_STATE()} returns and what hints aggregate.
 */
public enum DeviceState {
    UNKNOWN(1), NOT_INUSE(3), INUSE(6), BUSY(7), INVALID(0), UNAVAILABLE(2), RINGING(5), RINGINUSE(8), ONHOLD(4);

    /** How strongly the state wins when several devices of one hint are added up (ast_devstate_aggregate_add). */
    private final int weight;

    DeviceState(int weight) { this.weight = weight; }

    /** Asterisk's number for the state (UNKNOWN 0 ... ONHOLD 8), as ChanIsAvail's AVAILSTATUS shows it. */
    public int number() { return ordinal(); }

    /**
     * ast_devstate_val: the state a word names, case-insensitively; UNKNOWN for anything else
     * (so a write of UNKNOWN or of a typo cannot be told apart, as in Asterisk).
     */
    public static DeviceState parse(String word) {
        if (word == null) return UNKNOWN;
        try {
            return valueOf(word.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /**
     * Several devices' states as one (ast_devstate_aggregate): the strongest state wins, in the
     * order INVALID, UNKNOWN, UNAVAILABLE, NOT_INUSE, ONHOLD, RINGING, INUSE, BUSY, RINGINUSE,
     * except that a ringing device and a busy one together are RINGINUSE.
     */
    public static DeviceState aggregate(Iterable<DeviceState> states) {
        DeviceState agg = INVALID;
        boolean ringing = false, inUse = false;
        for (DeviceState s : states) {
            if (s == RINGING) ringing = true;
            else if (s == INUSE || s == ONHOLD || s == BUSY) inUse = true;
            if (ringing && inUse) agg = RINGINUSE;
            else if (s.weight > agg.weight) agg = s;
        }
        return agg;
    }
}
