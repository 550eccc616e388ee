package org.switchboard.core;

/** Caller ID as the dialplan sees it through CALLERID(): name, number, and the rest of Asterisk's party info. */
public final class CallerId {
    private volatile String name = "";
    private volatile String number = "";
    private volatile String ani = "";
    private volatile String dnid = "";
    private volatile String rdnis = "";
    private volatile int pres = 0;     // allowed_not_screened
    private volatile int ton = 0;
    private volatile String tag = "";
    private volatile String subaddr = "";

    public String name() { return name; }
    public void setName(String name) { this.name = name; }
    public String number() { return number; }
    public void setNumber(String number) { this.number = number; }
    /** Automatic number identification: the number of the line that placed the call. */
    public String ani() { return ani; }
    public void setAni(String ani) { this.ani = ani; }
    /** Dialed number identification: what the caller dialed to reach us. */
    public String dnid() { return dnid; }
    public void setDnid(String dnid) { this.dnid = dnid; }
    /** Redirecting number: where the call was diverted from. */
    public String rdnis() { return rdnis; }
    public void setRdnis(String rdnis) { this.rdnis = rdnis; }
    /** Number presentation (ast_parse_caller_presentation's values); 0 is allowed_not_screened. */
    public int pres() { return pres; }
    public void setPres(int pres) { this.pres = pres; }
    /** Type of number (Q.931). */
    public int ton() { return ton; }
    public void setTon(int ton) { this.ton = ton; }
    public String tag() { return tag; }
    public void setTag(String tag) { this.tag = tag; }
    public String subaddr() { return subaddr; }
    public void setSubaddr(String subaddr) { this.subaddr = subaddr; }

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
