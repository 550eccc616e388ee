package org.switchboard.channels.sip.config;

/** {@code dtmfmode=}: how a peer's keypresses travel (chan_sip's names). */
public enum DtmfMode {
    /** RFC 4733 telephone-event in RTP (chan_sip still calls it rfc2833). */
    RFC2833,
    /** SIP INFO with application/dtmf-relay. */
    INFO,
    /** Tones in the audio, detected by the PBX. */
    INBAND,
    /** RFC 4733 when the peer offers telephone-event, in-band otherwise. */
    AUTO
}
