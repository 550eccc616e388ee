package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Pbx;
import org.switchboard.res.astdb.AstDb;

/** {@code database del <family> <key>}. */
public final class DatabaseDel extends AbstractCommand {
    public DatabaseDel() {
        super("database del", """
                Usage: database del <family> <key>
                       Deletes an entry in the Asterisk database for a given
                       family and key.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() != 2) return false;
        out.println(AstDb.of(pbx).del(args.get(0), args.get(1))
                ? "Database entry removed." : "Database entry does not exist.");
        return true;
    }
}
