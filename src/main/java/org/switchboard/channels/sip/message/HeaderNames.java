package org.switchboard.channels.sip.message;

/**
 * Canonical spellings of header names, compact forms (RFC 3261 §7.3.3, §20) and which headers
 * may be comma-joined (§7.3.1). Lookups are case-insensitive and allocate nothing for known names.
 */
public final class HeaderNames {
    public static final String ACCEPT = "Accept";
    public static final String ALLOW = "Allow";
    public static final String AUTHORIZATION = "Authorization";
    public static final String CALL_ID = "Call-ID";
    public static final String CONTACT = "Contact";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CSEQ = "CSeq";
    public static final String DATE = "Date";
    public static final String EXPIRES = "Expires";
    public static final String FROM = "From";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    public static final String RECORD_ROUTE = "Record-Route";
    public static final String ROUTE = "Route";
    public static final String SUPPORTED = "Supported";
    public static final String TIMESTAMP = "Timestamp";
    public static final String TO = "To";
    public static final String USER_AGENT = "User-Agent";
    public static final String VIA = "Via";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    // RFC 3261 §20 names (and a few common extensions) in their canonical spelling
    private static final String[] KNOWN = {
        ACCEPT, "Accept-Encoding", "Accept-Language", "Alert-Info", ALLOW, "Authentication-Info",
        AUTHORIZATION, CALL_ID, "Call-Info", CONTACT, "Content-Disposition", "Content-Encoding",
        "Content-Language", CONTENT_LENGTH, CONTENT_TYPE, CSEQ, DATE, "Error-Info", EXPIRES, FROM,
        "In-Reply-To", MAX_FORWARDS, "Min-Expires", "MIME-Version", "Organization", "Priority",
        PROXY_AUTHENTICATE, PROXY_AUTHORIZATION, "Proxy-Require", RECORD_ROUTE, "Reply-To", "Require",
        "Retry-After", ROUTE, "Server", "Subject", SUPPORTED, TIMESTAMP, TO, "Unsupported", USER_AGENT,
        VIA, "Warning", WWW_AUTHENTICATE, "Event", "Allow-Events", "Refer-To", "Referred-By",
        "Session-Expires", "Min-SE", "RSeq", "RAck", "Path", "Privacy", "P-Asserted-Identity",
        "P-Preferred-Identity", "Remote-Party-ID", "Reason", "Subscription-State", "Accept-Contact",
        "Reject-Contact", "Request-Disposition", "Identity", "Identity-Info", "Replaces", "Diversion",
        "Service-Route", "Security-Client", "Security-Server", "Security-Verify", "P-Charging-Vector",
    };

    // Headers whose grammar is a comma list, so one line may carry several values (§7.3.1)
    private static final String[] LISTS = {
        ACCEPT, "Accept-Encoding", "Accept-Language", "Alert-Info", ALLOW, "Call-Info", CONTACT,
        "Content-Encoding", "Content-Language", "Error-Info", "In-Reply-To", "Proxy-Require",
        RECORD_ROUTE, "Require", ROUTE, SUPPORTED, "Unsupported", VIA, "Warning", "Allow-Events",
        "Path", "Service-Route", "P-Asserted-Identity", "P-Preferred-Identity",
    };

    private static final java.util.Set<String> LIST_SET = java.util.Set.of(LISTS);
    private static final java.util.Set<String> KNOWN_SET = java.util.Set.of(KNOWN);
    private static final int TABLE = 256;
    private static final String[] table = new String[TABLE];
    private static final boolean[] listFlag = new boolean[TABLE];

    static {
        for (String k : KNOWN) put(k, false);
        for (String k : LISTS) put(k, true);
    }

    private HeaderNames() {}

    private static void put(String name, boolean list) {
        int slot = hash(name, 0, name.length()) & (TABLE - 1);
        while (table[slot] != null && !table[slot].equals(name)) slot = (slot + 1) & (TABLE - 1);
        table[slot] = name;
        listFlag[slot] |= list;
    }

    private static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = h * 31 + (s.charAt(i) | 0x20);
        return h ^ (h >>> 7);
    }

    private static int slotOf(String s, int from, int to) {
        int slot = hash(s, from, to) & (TABLE - 1);
        int len = to - from;
        String k;
        while ((k = table[slot]) != null) {
            if (k.length() == len && k.regionMatches(true, 0, s, from, len)) return slot;
            slot = (slot + 1) & (TABLE - 1);
        }
        return -1;
    }

    /** The full name of a compact form (RFC 3261 §7.3.3; RFC 3265, 3515, 3892, 4028 add o, u, r, b, x). */
    static String expandCompact(char c) {
        return switch (c | 0x20) {
            case 'i' -> CALL_ID;
            case 'm' -> CONTACT;
            case 'f' -> FROM;
            case 't' -> TO;
            case 'v' -> VIA;
            case 'l' -> CONTENT_LENGTH;
            case 'c' -> CONTENT_TYPE;
            case 'k' -> SUPPORTED;
            case 's' -> "Subject";
            case 'e' -> "Content-Encoding";
            case 'o' -> "Event";
            case 'u' -> "Allow-Events";
            case 'r' -> "Refer-To";
            case 'b' -> "Referred-By";
            case 'x' -> "Session-Expires";
            case 'a' -> "Accept-Contact";
            case 'j' -> "Reject-Contact";
            case 'd' -> "Request-Disposition";
            case 'y' -> "Identity";
            case 'n' -> "Identity-Info";
            default -> null;
        };
    }

    /** The canonical spelling of the name in {@code s[from..to)}; an unknown name is kept as sent. */
    static String canonical(String s, int from, int to) {
        if (to - from == 1) {
            String full = expandCompact(s.charAt(from));
            if (full != null) return full;
        }
        int slot = slotOf(s, from, to);
        return slot >= 0 ? table[slot] : s.substring(from, to);
    }

    /** The canonical spelling of {@code name}, expanding compact forms. */
    public static String canonical(String name) {
        if (name.length() > 1 && KNOWN_SET.contains(name)) return name; // already canonical: String caches its hash
        return canonical(name, 0, name.length());
    }

    /** Whether the header's values may be joined by commas on one line (RFC 3261 §7.3.1). */
    public static boolean isList(String canonicalName) {
        if (LIST_SET.contains(canonicalName)) return true;
        if (KNOWN_SET.contains(canonicalName)) return false;
        int slot = slotOf(canonicalName, 0, canonicalName.length());
        return slot >= 0 && listFlag[slot];
    }
}
