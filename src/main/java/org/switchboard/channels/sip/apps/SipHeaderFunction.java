package org.switchboard.channels.sip.apps;

import java.util.List;
import org.switchboard.channels.sip.call.SipCall;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;

/** SIP_HEADER(name[,number]): a header of the INVITE that began the SIP call (chan_sip). */
public final class SipHeaderFunction implements DialplanFunction {
    @Override public String name() { return "SIP_HEADER"; }
    @Override public String synopsis() { return "Gets the specified SIP header from an incoming INVITE message."; }
    @Override public String syntax() { return "SIP_HEADER(name[,number])"; }

    @Override
    public String description() {
        return """
                Returns a header of the INVITE that began the channel's call: the one received for an
                incoming call, the one sent for an outgoing call. Since some headers (such as Via) can
                occur several times, number chooses which one, counting from 1 (the default). Compact
                names work (f is From). A header that is not there gives an empty string. The body
                (SDP) cannot be read with this function. On a channel that is not SIP it warns and
                gives an empty string.""";
    }

    @Override
    public String read(Channel c, String args) {
        if (c == null) return "";
        List<String> a = AppArgs.separate(args == null ? "" : args, ',', true, 2);
        String header = AppArgs.arg(a, 0) == null ? "" : AppArgs.arg(a, 0).strip();
        if (header.isEmpty()) {
            PbxLog.warning("chan_sip.c", "This function requires a header name.");
            return "";
        }
        if (!(c.tech() instanceof SipCall call)) {
            PbxLog.warning("chan_sip.c", "This function can only be used on SIP channels.");
            return "";
        }
        int number = 1;
        String n = AppArgs.arg(a, 1);
        if (n != null) {
            try {
                number = Integer.parseInt(n.strip());
            } catch (NumberFormatException e) {
                number = 1;
            }
            if (number < 1) number = 1;
        }
        SipRequest invite = call.initialRequest();
        if (invite == null) return "";
        List<String> values = invite.headers().getAll(header);
        return number <= values.size() ? values.get(number - 1) : "";
    }
}
