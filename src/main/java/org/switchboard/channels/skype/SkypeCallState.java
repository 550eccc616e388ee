package org.switchboard.channels.skype;

/**
 * Where one Skype call is (XEP-0353 §3 then XEP-0166 §6), whichever side started it. Only its
 * strand reads or changes it.
 */
enum SkypeCallState {
    /** Nothing sent or received yet (an outgoing call choosing how to reach the buddy). */
    NEW,
    /** JMI propose sent or received (XEP-0353 §3.1). */
    PROPOSED,
    /** The callee said ringing (XEP-0353 §3.2, or XEP-0167 §7 session-info). */
    RINGING,
    /** JMI proceed sent or received: the session-initiate comes next (XEP-0353 §3.3). */
    PROCEEDING,
    /** session-initiate sent or received, not yet accepted (XEP-0166 §6.2, "pending"). */
    PENDING,
    /** session-accept sent or received; ICE and DTLS are starting (XEP-0166 §6.3). */
    ACCEPTED,
    /** Media flows (XEP-0166 "active"). */
    ACTIVE,
    /** Over; nothing more is sent. */
    ENDED;

    boolean answeredOrLater() { return this == ACCEPTED || this == ACTIVE; }
}
