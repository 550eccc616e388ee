package org.switchboard.res.cdr;

/** What CDR_PROP() sets on a channel's records. */
public enum CdrProperty {
    /** This channel is the preferred Party A when it is paired with another. */
    PARTY_A,
    /** No record of this channel is posted (NoCDR()). */
    DISABLE
}
