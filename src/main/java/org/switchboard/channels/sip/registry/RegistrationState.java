package org.switchboard.channels.sip.registry;

/** Where one {@code register =>} line stands, with the words chan_sip's {@code sip show registry} prints. */
public enum RegistrationState {
    /** Not started, stopped, or unregistered with Expires: 0. */
    UNREGISTERED("Unregistered"),
    /** A REGISTER without credentials is out. */
    REQUEST_SENT("Request Sent"),
    /** A REGISTER answering a 401/407 challenge is out. */
    AUTH_SENT("Auth. Sent"),
    /** The registrar answered 200 OK; a refresh is scheduled. */
    REGISTERED("Registered"),
    /** 403, a repeated challenge (wrong password) or another failure response. */
    REJECTED("Rejected"),
    /** No final response (Timer F) or the transport failed; a retry is scheduled. */
    TIMEOUT("Timeout"),
    /** Challenged, but the line has no secret. */
    NO_AUTH("No Authentication"),
    /** {@code registerattempts} used up (or the line cannot be sent at all): given up until reload. */
    FAILED("Failed");

    private final String text;

    RegistrationState(String text) { this.text = text; }

    /** As {@code sip show registry} prints it. */
    public String text() { return text; }

    @Override public String toString() { return text; }
}
