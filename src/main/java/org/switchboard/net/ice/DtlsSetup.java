package org.switchboard.net.ice;

import java.util.Locale;

/**
 * Who starts the DTLS handshake (RFC 4145 §4 {@code a=setup}, RFC 8842 §5, XEP-0320 {@code setup}):
 * an offer says {@link #ACTPASS}; the answerer picks {@link #ACTIVE} (it is the DTLS client) or
 * {@link #PASSIVE}. ({@code holdconn} is not used by DTLS-SRTP.)
 */
public enum DtlsSetup {
    ACTPASS, ACTIVE, PASSIVE;

    /** "actpass", "active", "passive" in any case; null when it is none of them. */
    public static DtlsSetup parse(String s) {
        if (s == null) return null;
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "actpass" -> ACTPASS;
            case "active" -> ACTIVE;
            case "passive" -> PASSIVE;
            default -> null;
        };
    }

    /** The attribute value, as SDP and XEP-0320 write it. */
    public String xmlValue() { return name().toLowerCase(Locale.ROOT); }

    /** RFC 8842 §5.3: what we are given the peer's setup; an answerer to actpass is active. */
    DtlsSetup answerTo() {
        return switch (this) {
            case ACTPASS, PASSIVE -> ACTIVE;
            case ACTIVE -> PASSIVE;
        };
    }
}
