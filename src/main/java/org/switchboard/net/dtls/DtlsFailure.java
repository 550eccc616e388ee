package org.switchboard.net.dtls;

/** Why a DTLS-SRTP handshake did not give keys. */
public enum DtlsFailure {
    /** The peer's certificate does not hash to the fingerprint it sent in signalling (RFC 8122 §5), or it sent none. */
    FINGERPRINT_MISMATCH,
    /** No handshake within the time limit: the peer never answered, or never finished. */
    TIMEOUT,
    /** Anything else: an alert, no common cipher suite or SRTP profile, a malformed record. */
    FAILED
}
