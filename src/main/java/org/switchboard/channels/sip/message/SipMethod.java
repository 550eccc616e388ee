package org.switchboard.channels.sip.message;

/** Method names (RFC 3261 §7.1, RFC 3262, 3265, 3311, 3428, 3515, 3903, 6086), interned when known. */
public final class SipMethod {
    public static final String INVITE = "INVITE";
    public static final String ACK = "ACK";
    public static final String BYE = "BYE";
    public static final String CANCEL = "CANCEL";
    public static final String REGISTER = "REGISTER";
    public static final String OPTIONS = "OPTIONS";
    public static final String INFO = "INFO";
    public static final String PRACK = "PRACK";
    public static final String UPDATE = "UPDATE";
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String NOTIFY = "NOTIFY";
    public static final String REFER = "REFER";
    public static final String MESSAGE = "MESSAGE";
    public static final String PUBLISH = "PUBLISH";

    private static final String[] KNOWN = {INVITE, ACK, BYE, CANCEL, REGISTER, OPTIONS, INFO, PRACK, UPDATE,
        SUBSCRIBE, NOTIFY, REFER, MESSAGE, PUBLISH};

    private SipMethod() {}

    /** Methods are case-sensitive (§7.1): only an exact match is interned. */
    static String intern(String s, int from, int to) {
        int len = to - from;
        for (String m : KNOWN) if (m.length() == len && s.startsWith(m, from)) return m;
        return s.substring(from, to);
    }
}
