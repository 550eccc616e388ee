package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Pbx;
import org.switchboard.res.astdb.AstDb;

/** {@code database get <family> <key>}. */
public final class DatabaseGet extends AbstractCommand {
    public DatabaseGet() {
        super("database get", """
                Usage: database get <family> <key>
                       Retrieves an entry in the Asterisk database for a given
                       family and key.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() != 2) return false;
        String v = AstDb.of(pbx).get(args.get(0), args.get(1));
        out.println(v == null ? "Database entry not found." : "Value: " + v);
        return true;
    }
}
