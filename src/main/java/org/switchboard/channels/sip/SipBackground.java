package org.switchboard.channels.sip;

import org.switchboard.channels.sip.config.SipSettings;

/** What chan_sip does on its own while running: {@code qualify} pings and {@code register =>} lines. */
public final class SipBackground {
    private final SipStack stack;
    private final SipQualifier qualifier;

    SipBackground(SipStack stack) {
        this.stack = stack;
        this.qualifier = new SipQualifier(stack);
    }

    public SipQualifier qualifier() { return qualifier; }

    void start() { qualifier.start(); }

    void reload(SipSettings s) { }

    void stop() { qualifier.stop(); }
}
