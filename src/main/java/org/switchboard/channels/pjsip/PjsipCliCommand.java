package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/** What chan_pjsip's console commands share: their words and usage, and finding the running module. */
abstract class PjsipCliCommand implements CliCommand {
    private final List<String> words;
    private final String usage;

    PjsipCliCommand(String words, String usage) {
        this.words = List.of(words.split(" "));
        this.usage = usage;
    }

    @Override public final List<String> words() { return words; }
    @Override public final String usage() { return usage; }

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
