package org.switchboard.core;

/** Caller ID as the dialplan sees it through CALLERID(): name, number, and the rest of Asterisk's party info. */
public final class CallerId {
    public volatile String name = "";
    public volatile String number = "";
    public volatile String ani = "";
    public volatile String dnid = "";
    public volatile String rdnis = "";
    public volatile int pres = 0;     // allowed_not_screened
    public volatile int ton = 0;
    public volatile String tag = "";
    public volatile String subaddr = "";

    /** "Name" &lt;number&gt; the way CALLERID(all) prints it. */
    public String all() {
        if (name.isEmpty()) return number.isEmpty() ? "" : "<" + number + ">";
        return "\"" + name + "\" <" + number + ">";
    }

    public void copyFrom(CallerId o) {
        name = o.name; number = o.number; ani = o.ani; dnid = o.dnid; rdnis = o.rdnis;
        pres = o.pres; ton = o.ton; tag = o.tag; subaddr = o.subaddr;
    }

    /** Parses {@code "Name" <number>}, {@code Name <number>} or a bare number/name (ast_callerid_parse). */
    public void setAll(String value) {
        String v = value.trim();
        int lt = v.lastIndexOf('<');
        int gt = v.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            number = v.substring(lt + 1, gt).trim();
            String n = v.substring(0, lt).trim();
            if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) n = n.substring(1, n.length() - 1);
            name = n;
        } else if (!v.isEmpty() && v.chars().allMatch(c -> Character.isDigit(c) || c == '+' || c == '*' || c == '#')) {
            number = v;
            name = "";
        } else {
            name = v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2 ? v.substring(1, v.length() - 1) : v;
            number = "";
        }
    }
}
