package org.switchboard.dialplan;

// TEMPORARY STUB written by the lead so the tree compiles; the pattern engineer replaces this file whole.
public final class ExtensionPattern implements Comparable<ExtensionPattern> {
    private final String text;
    private ExtensionPattern(String t) { text = t; }
    public static ExtensionPattern parse(String text) { return new ExtensionPattern(text); }
    public String text() { return text; }
    public boolean isPattern() { return text.startsWith("_"); }
    public boolean matches(String exten) { return text.equals(exten); }
    public boolean canMatch(String exten) { return text.startsWith(exten); }
    public boolean matchMore(String exten) { return text.startsWith(exten) && !text.equals(exten); }
    public int compareTo(ExtensionPattern o) { return text.compareTo(o.text); }
}
