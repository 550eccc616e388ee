package org.switchboard.channels.sip.cli;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.core.BaseCliCommand;
import org.switchboard.core.Pbx;

/** What chan_sip's console commands share: their words and usage, and finding the running stack. */
abstract class SipCliCommand extends BaseCliCommand {
    SipCliCommand(String words, String usage) {
        super(words, usage);
    }

    @Override
    public final boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        SipModule m = SipModule.get(pbx);
        if (m == null || m.stack() == null) {
            out.println("chan_sip is not running.");
            return true;
        }
        return execute(m, args, out);
    }

    abstract boolean execute(SipModule sip, List<String> args, PrintWriter out);

    /** Peer names starting with the word typed, for completion. */
    static List<String> peerNames(Pbx pbx, String prefix) {
        SipModule m = SipModule.get(pbx);
        if (m == null || m.stack() == null) return List.of();
        String p = prefix.toLowerCase(java.util.Locale.ROOT);
        return m.stack().settings().peers().values().stream().filter(x -> x.type().isPeer())
            .map(x -> x.name()).filter(n -> n.toLowerCase(java.util.Locale.ROOT).startsWith(p)).toList();
    }
}
