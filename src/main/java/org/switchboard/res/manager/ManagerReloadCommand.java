package org.switchboard.res.manager;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.ModuleDeclinedException;

/** {@code manager reload}: reads manager.conf again; sessions already logged in keep running. */
public final class ManagerReloadCommand extends ManagerCliCommand {
    public ManagerReloadCommand() {
        super("manager reload", """
                Usage: manager reload
                       Reloads the manager configuration.
                """);
    }

    @Override
    boolean run(ManagerModule m, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        try {
            m.reload(m.pbx());
        } catch (ModuleDeclinedException e) {
            out.println("Manager reload failed: " + e.getMessage());
        }
        return true;
    }
}
