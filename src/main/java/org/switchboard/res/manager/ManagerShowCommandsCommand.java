package org.switchboard.res.manager;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.ManagerAction;

/** {@code manager show commands}: every action with its write classes and synopsis. */
public final class ManagerShowCommandsCommand extends ManagerCliCommand {
    private static final String FORMAT = "  %-25.25s  %-15.15s  %-55.55s%n";

    public ManagerShowCommandsCommand() {
        super("manager show commands", """
                Usage: manager show commands
                    Prints a listing of all the available Asterisk manager interface commands.
                """);
    }

    @Override
    boolean run(ManagerModule m, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        out.printf(FORMAT, "Action", "Privilege", "Synopsis");
        out.printf(FORMAT, "------", "---------", "--------");
        java.util.TreeMap<String, String[]> rows = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ManagerModule.Listed l : ManagerModule.sessionActions()) rows.put(l.name(), new String[] {"<none>", l.synopsis()});
        for (ManagerAction a : m.actions()) {
            rows.put(a.name(), new String[] {AmiPermissions.describe(AmiPermissions.parse(a.privilege())), a.synopsis()});
        }
        rows.forEach((name, r) -> out.printf(FORMAT, name, r[0], r[1]));
        return true;
    }
}
