package org.switchboard.res.manager;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.ManagerAction;
import org.switchboard.core.Pbx;

/** {@code manager show command <action>...}: an action's docs, as they live with its class. */
public final class ManagerShowCommandCommand extends ManagerCliCommand {
    public ManagerShowCommandCommand() {
        super("manager show command", """
                Usage: manager show command <actionname> [<actionname> [<actionname> [...]]]
                       Shows the detailed description for a specific Asterisk manager interface command.
                """);
    }

    @Override
    boolean run(ManagerModule m, List<String> args, PrintWriter out) {
        if (args.isEmpty()) return false;
        for (String name : args) {
            ManagerAction a = m.action(name);
            if (a == null) {
                out.println("No manager action '" + name + "' found.");
                continue;
            }
            out.println("[Synopsis]");
            out.println(a.synopsis());
            out.println();
            out.println("[Description]");
            out.println(a.description());
            out.println();
            out.println("[Syntax]");
            out.println(a.syntax());
            out.println();
            out.println("[Privilege]");
            out.println(AmiPermissions.describe(AmiPermissions.parse(a.privilege())));
            out.println();
        }
        return true;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        ManagerModule m = ManagerModule.of(pbx);
        List<String> out = new ArrayList<>();
        if (m != null) for (ManagerAction a : m.actions()) out.add(a.name());
        return out;
    }
}
