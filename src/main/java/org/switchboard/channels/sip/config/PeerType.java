package org.switchboard.channels.sip.config;

/** {@code type=}: chan_sip's roles for a section (a friend is both). */
public enum PeerType {
    /** Calls to us are matched by name and authenticated; we never call it. */
    USER,
    /** We call it; calls from it are matched by address. */
    PEER,
    /** Both. */
    FRIEND;

    /** Whether the section can register to us and be dialled (chan_sip's "peer" part). */
    public boolean isPeer() { return this != USER; }

    /** Whether calls from it are matched by name (chan_sip's "user" part). */
    public boolean isUser() { return this != PEER; }
}
