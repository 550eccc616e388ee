package org.switchboard.channels.sip.apps;

import org.switchboard.channels.sip.call.SipAddedHeaders;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** SIPAddHeader(Header: Content): a header for the INVITE of the SIP calls this channel dials (chan_sip). */
public final class SipAddHeaderApp implements Application {
    @Override public String name() { return "SIPAddHeader"; }
    @Override public String synopsis() { return "Add a SIP header to the outbound call."; }
    @Override public String syntax() { return "SIPAddHeader(Header:Content)"; }

    @Override
    public String description() {
        return """
                Adds a header to the INVITE of the SIP calls placed afterwards with Dial() from this
                channel. Use an X- header for anything that is not standard SIP, like
                'X-Asterisk-Accountcode:'; adding the wrong headers may break the call.
                The header is kept in the first free variable __SIPADDHEADER01 ... __SIPADDHEADER50,
                so channels dialed from the dialed ones send it too; SIPRemoveHeader() takes it
                back. A header whose name is not a SIP token is not sent (a warning says so).
                Always returns 0.""";
    }

    @Override
    public Result execute(Channel c, String data) {
        if (data == null || data.isEmpty()) {
            PbxLog.warning("chan_sip.c", "This application requires the argument: Header");
            return Result.CONTINUE;
        }
        for (int n = 1; n <= SipAddedHeaders.MAX; n++) {
            String name = String.format("%s%02d", SipAddedHeaders.PREFIX, n);
            if (c.getVar(name) == null) {
                c.setVar("__" + name, data);
                return Result.CONTINUE;
            }
        }
        PbxLog.warning("chan_sip.c", "Too many SIP headers added, max " + SipAddedHeaders.MAX);
        return Result.CONTINUE;
    }
}
