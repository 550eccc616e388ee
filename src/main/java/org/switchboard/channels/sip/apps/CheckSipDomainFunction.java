package org.switchboard.channels.sip.apps;

import org.switchboard.channels.sip.SipModule;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;

/** CHECKSIPDOMAIN(domain): the domain when sip.conf says this server is for it (chan_sip). */
public final class CheckSipDomainFunction implements DialplanFunction {
    @Override public String name() { return "CHECKSIPDOMAIN"; }
    @Override public String synopsis() { return "Checks if domain is a local domain."; }
    @Override public String syntax() { return "CHECKSIPDOMAIN(domain)"; }

    @Override
    public String description() {
        return """
                Returns domain when it is one of the local SIP domains this server handles (the
                domain= lines of sip.conf [general], compared without case), else an empty string.
                Without domain= lines no domain is local.""";
    }

    @Override
    public String read(Channel c, String domain) {
        if (c == null) return "";
        String d = domain == null ? "" : domain.strip();
        if (d.isEmpty()) {
            PbxLog.warning("chan_sip.c", "CHECKSIPDOMAIN requires an argument - A domain name/IP address");
            return "";
        }
        SipModule m = SipModule.get(c.pbx());
        if (m == null || m.stack() == null) return "";
        return m.stack().settings().isLocalDomain(d) ? d : "";
    }
}
