package org.switchboard.res.manager;

import java.io.PrintWriter;
import java.util.List;

/** {@code manager show connected}: every session, as manager.c's handle_showmanconn prints it. */
public final class ManagerShowConnectedCommand extends ManagerCliCommand {
    private static final String FORMAT1 = "  %-15.15s  %-55.55s  %-10.10s  %-10.10s  %-8.8s  %-8.8s  %-10.10s  %-10.10s%n";
    private static final String FORMAT2 = "  %-15.15s  %-55.55s  %-10d  %-10d  %-8d  %-8d  %-10d  %-10d%n";

    public ManagerShowConnectedCommand() {
        super("manager show connected", """
                Usage: manager show connected
                  Prints a listing of the users that are currently connected to the
                Asterisk manager interface.
                """);
    }

    @Override
    boolean run(ManagerModule m, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        out.printf(FORMAT1, "Username", "IP Address", "Start", "Elapsed", "FileDes", "HttpCnt", "ReadPerms", "WritePerms");
        long now = System.currentTimeMillis();
        int n = 0;
        for (ManagerSession s : m.sessions()) {
            if (s.state() != SessionState.LOGGED_IN) continue;
            n++;
            out.printf(FORMAT2, s.userName(), s.address(), s.connectedMillis() / 1000, (now - s.connectedMillis()) / 1000,
                    s.id(), 0, s.readPerm(), s.writePerm());
        }
        out.println(n + " users connected.");
        return true;
    }
}
