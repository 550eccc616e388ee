package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Pbx;
import org.switchboard.res.astdb.AstDb;

/** {@code database deltree <family> [keytree]}. */
public final class DatabaseDelTree extends AbstractCommand {
    public DatabaseDelTree() {
        super("database deltree", """
                Usage: database deltree <family> [keytree]
                   OR
                Usage: database deltree <family>[/keytree]
                       Deletes a family or specific keytree within a family
                       in the Asterisk database.  The two arguments may be
                       separated by either a space or a slash.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.isEmpty() || args.size() > 2) return false;
        int n = AstDb.of(pbx).delTree(args.get(0), args.size() == 2 ? args.get(1) : null);
        if (n < 0) out.println("Database unavailable.");
        else if (n == 0) out.println("Database entries do not exist.");
        else out.println(n + " database entries removed.");
        return true;
    }
}
