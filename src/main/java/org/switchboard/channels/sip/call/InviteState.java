package org.switchboard.channels.sip.call;

/**
 * Where one call leg's INVITE usage stands (RFC 3261 §13, §15; RFC 6026 §8 for Accepted).
 * A UAC goes Calling → Proceeding/Early → Confirmed → Terminating → Terminated; a UAS goes
 * Incoming → Early → Accepted → Confirmed → Terminating → Terminated. Either may skip to
 * Terminated (a refusal, a CANCEL, a BYE).
 */
public enum InviteState {
    /** UAC: the INVITE is out and nothing came back; a CANCEL must wait for a provisional (§9.1). */
    CALLING,
    /** UAC: a 100 (or a provisional without a To tag) came: a CANCEL may go (§9.1). */
    PROCEEDING,
    /** A provisional with a To tag: the early dialog (§12.1); UAC heard one, UAS sent one. */
    EARLY,
    /** UAS: the INVITE came, we have sent nothing but 100 Trying (§13.3.1). */
    INCOMING,
    /** UAS: our 2xx is out and retransmitted until its ACK, at most 64*T1 (§13.3.1.4, RFC 6026 §8.1). */
    ACCEPTED,
    /** The 2xx is acknowledged: the session is up (§13.2.2.4, §13.3.1.4). */
    CONFIRMED,
    /**
     * We are ending it: UAC a CANCEL sent or waiting for the first provisional (§9.1), a BYE sent;
     * UAS a BYE that waits for the ACK of our 2xx (§15).
     */
    TERMINATING,
    /** Over: nothing more goes out on this dialog. */
    TERMINATED;

    /** Before any final response: a CANCEL or a refusal still applies (§9). */
    public boolean isEarly() { return this == CALLING || this == PROCEEDING || this == EARLY || this == INCOMING; }
}
