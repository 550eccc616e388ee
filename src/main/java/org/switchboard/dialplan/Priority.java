package org.switchboard.dialplan;

/** One step of an extension: {@code exten => 100,2(label),Dial(SIP/x,30)} read from file:line. */
public record Priority(int number, String label, String application, String data, String file, int line) {
    /** Asterisk's PRIORITY_HINT: a hint is stored as priority -1. */
    public static final int HINT = -1;

    public String location() { return file + ":" + line; }
}
