package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.switchboard.core.BaseCliCommand;
import org.switchboard.core.Pbx;

/** What chan_pjsip's console commands share: their words and usage, and finding the running module. */
abstract class PjsipCliCommand extends BaseCliCommand {
    PjsipCliCommand(String words, String usage) {
        super(words, usage);
    }

    @Override
    public final boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        PjsipModule m = PjsipModule.get(pbx);
        if (m == null || m.stack() == null) {
            out.println("chan_pjsip is not running.");
            return true;
        }
        return execute(m, args, out);
    }

    abstract boolean execute(PjsipModule pjsip, List<String> args, PrintWriter out);

    /** Endpoint names starting with the word typed, for completion. */
    static List<String> endpointNames(Pbx pbx, String prefix) {
        PjsipModule m = PjsipModule.get(pbx);
        if (m == null || m.stack() == null) return List.of();
        String p = prefix.toLowerCase(Locale.ROOT);
        return m.settings().endpoints().keySet().stream().filter(n -> n.toLowerCase(Locale.ROOT).startsWith(p)).toList();
    }
}
