package org.switchboard.res.agi;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/** {@code agi set debug [on|off]}: every line to and from AGI programs in the log ({@code AGI Tx >>}, {@code AGI Rx <<}). */
public final class AgiSetDebugCommand implements CliCommand {
    @Override public List<String> words() { return List.of("agi", "set", "debug"); }

    @Override
    public String usage() {
        return """
                Usage: agi set debug [on|off]
                       Enables/Disables dumping of AGI transactions for debugging purposes.""";
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() != 1) return false;
        String w = args.get(0);
        if (w.equalsIgnoreCase("on")) {
            Agi.of(pbx).setDebug(true);
            out.println("AGI Debugging Enabled");
            return true;
        }
        if (w.equalsIgnoreCase("off")) {
            Agi.of(pbx).setDebug(false);
            out.println("AGI Debugging Disabled");
            return true;
        }
        return false;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        String w = args.isEmpty() ? "" : args.get(args.size() - 1).toLowerCase(java.util.Locale.ROOT);
        return args.size() <= 1 ? List.of("on", "off").stream().filter(x -> x.startsWith(w)).toList() : List.of();
    }
}
