package org.switchboard.res.cdr;

/** Where one call record is in its life (the CDR specification's states). */
enum CdrState {
    /** Its channel runs dialplan, or waits, with nobody else. */
    SINGLE,
    /** Its channel dials Party B. */
    DIAL,
    /** Party B answered; the record waits for the bridge (or for the caller to move on). */
    DIALED_PENDING,
    /** Party A and Party B are bridged. */
    BRIDGED,
    /** Ended: only the user field and variables of the last record can still change. */
    FINALIZED
}
