package org.switchboard.res.manager;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.BaseCliCommand;
import org.switchboard.core.Pbx;

/** The {@code manager ...} console commands share their module and the way to find the running interface. */
abstract class ManagerCliCommand extends BaseCliCommand {
    ManagerCliCommand(String words, String usage) {
        super(words, usage);
    }

    @Override
    public final boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        ManagerModule m = ManagerModule.of(pbx);
        if (m == null) {
            out.println("The Manager interface is not running.");
            return true;
        }
        return run(m, args, out);
    }

    abstract boolean run(ManagerModule m, List<String> args, PrintWriter out);
}
