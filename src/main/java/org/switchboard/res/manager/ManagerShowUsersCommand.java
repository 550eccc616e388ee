package org.switchboard.res.manager;

import java.io.PrintWriter;
import java.util.List;

/** {@code manager show users}: the users manager.conf defines. */
public final class ManagerShowUsersCommand extends ManagerCliCommand {
    public ManagerShowUsersCommand() {
        super("manager show users", """
                Usage: manager show users
                       Prints a listing of all managers that are currently configured on that
                 system.
                """);
    }

    @Override
    boolean run(ManagerModule m, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        var users = m.config().users().values();
        if (users.isEmpty()) {
            out.println("There are no manager users.");
            return true;
        }
        out.println();
        out.println("username");
        out.println("--------");
        for (ManagerUser u : users) out.println(u.name());
        out.println("-------------------");
        out.println(users.size() + " manager users configured.");
        return true;
    }
}
