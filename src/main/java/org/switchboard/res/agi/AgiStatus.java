package org.switchboard.res.agi;

/**
 * How an AGI run ended, as the AGISTATUS channel variable tells the dialplan (res_agi's
 * agi_result): {@code code} is the number Asterisk's "completed, returning N" line prints.
 */
public enum AgiStatus {
    SUCCESS(0), FAILURE(-1), NOTFOUND(3), HANGUP(4);

    private final int code;

    AgiStatus(int code) { this.code = code; }

    public int code() { return code; }
}
