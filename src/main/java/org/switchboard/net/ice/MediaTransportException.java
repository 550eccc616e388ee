package org.switchboard.net.ice;

/** Why an ICE + DTLS-SRTP media transport did not come up, or went down. */
public final class MediaTransportException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No candidate pair worked (RFC 8445 §8.1.2: every check failed) or none within the time limit. */
        ICE_FAILED,
        /** The DTLS handshake failed: an alert, no common cipher or SRTP profile. */
        DTLS_FAILED,
        /** The peer's certificate does not match the fingerprint from signalling, or it showed none. */
        FINGERPRINT_MISMATCH,
        /** The time limit passed with ICE done but no DTLS handshake finished. */
        TIMEOUT,
        /** RFC 7675: consent to send expired (the peer stopped answering), after the call was up. */
        CONSENT_LOST
    }

    private final Reason reason;

    public MediaTransportException(Reason reason, String message) { this(reason, message, null); }

    public MediaTransportException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
