package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.config.ConfigProblem;
import org.switchboard.core.Pbx;

/** {@code dialplan reload}: reads extensions.conf again; calls in progress keep their dialplan. */
public final class DialplanReload extends AbstractCommand {
    public DialplanReload() {
        super("dialplan reload", """
                Usage: dialplan reload
                       Reload extensions.conf without reloading any other
                       modules.  This command does not delete global variables
                       unless clearglobalvars is set to yes in extensions.conf
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        reload(pbx, out);
        return true;
    }

    /** Reloads and reports: each problem as {@code file:line: message}, then Asterisk's line. */
    static void reload(Pbx pbx, PrintWriter out) {
        List<ConfigProblem> problems = pbx.reloadDialplan();
        for (ConfigProblem p : problems) out.println(p);
        out.println("Dialplan reloaded.");
    }
}
