package org.switchboard.channels.sip.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.call.SipCall;
import org.switchboard.core.Channel;

/** {@code sip show channels}: one line per SIP call in chan_sip's columns, then the count. */
public final class SipShowChannelsCommand extends SipCliCommand {
    static final String FORMAT2 = "%-15.15s  %-15.15s  %-15.15s  %-15.15s  %-7.7s  %-15.15s %-10.10s %-10.10s%n";
    public static final String FORMAT = "%-15.15s  %-15.15s  %-15.15s  %-15.15s  %-3.3s %-3.3s  %-15.15s %-10.10s %-10.10s%n";

    public SipShowChannelsCommand() {
        super("sip show channels", """
            Usage: sip show channels
                   Lists all currently active SIP calls (dialogs).""");
    }

    @Override
    boolean execute(SipModule sip, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        out.printf(FORMAT2, "Peer", "User/ANR", "Call ID", "Format", "Hold", "Last Message", "Expiry", "Peer");
        List<SipCall> calls = new ArrayList<>(sip.stack().calls().all());
        calls.sort(Comparator.comparing(SipCall::callId));
        for (SipCall c : calls) {
            InetAddress a = c.remote().address().getAddress();
            String ip = a == null ? c.remote().address().getHostString() : a.getHostAddress();
            Channel ch = c.channel();
            String user = c.peer() != null ? c.peer().name()
                : ch != null && ch.callerId().number() != null && !ch.callerId().number().isEmpty() ? ch.callerId().number() : "(None)";
            String format = ch == null || c.codec().isEmpty() ? "(nothing)" : "(" + c.codec() + ")";
            out.printf(FORMAT, ip, user, c.callId(), format, c.isHeld() ? "Yes" : "No", "",
                c.isInbound() ? "Rx: INVITE" : "Tx: INVITE", "", c.peer() == null ? "<guest>" : c.peer().name());
        }
        out.println(calls.size() + " active SIP channel" + (calls.size() == 1 ? "" : "s"));
        return true;
    }
}
