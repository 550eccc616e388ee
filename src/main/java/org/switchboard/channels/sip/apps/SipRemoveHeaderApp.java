package org.switchboard.channels.sip.apps;

import java.util.Locale;
import org.switchboard.channels.sip.call.SipAddedHeaders;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** SIPRemoveHeader([Header]): takes back headers SIPAddHeader() added (chan_sip). */
public final class SipRemoveHeaderApp implements Application {
    @Override public String name() { return "SIPRemoveHeader"; }
    @Override public String synopsis() { return "Remove SIP headers previously added with SIPAddHeader"; }
    @Override public String syntax() { return "SIPRemoveHeader([Header])"; }

    @Override
    public String description() {
        return """
                Removes headers added with SIPAddHeader() from this channel: those that begin with
                Header (compared without case, so 'P-' removes every P- header), or all of them
                when no argument is given.
                Example:
                  same => n,SIPAddHeader(P-Asserted-Identity: sip:foo@bar)
                  same => n,SIPAddHeader(P-Preferred-Identity: sip:bar@foo)
                  same => n,SIPRemoveHeader(P-)
                Always returns 0.""";
    }

    @Override
    public Result execute(Channel c, String data) {
        String prefix = data == null ? "" : data.toLowerCase(Locale.ROOT);
        SipAddedHeaders.of(c).forEach((name, value) -> {
            if (prefix.isEmpty() || value.toLowerCase(Locale.ROOT).startsWith(prefix)) c.unsetVar(name);
        });
        return Result.CONTINUE;
    }
}
