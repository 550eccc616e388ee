package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Pbx;
import org.switchboard.res.astdb.AstDb;

/** {@code database put <family> <key> <value>}. */
public final class DatabasePut extends AbstractCommand {
    public DatabasePut() {
        super("database put", """
                Usage: database put <family> <key> <value>
                       Adds or updates an entry in the Asterisk database for
                       a given family, key, and value.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() != 3) return false;
        out.println(AstDb.of(pbx).put(args.get(0), args.get(1), args.get(2))
                ? "Updated database successfully" : "Failed to update entry");
        return true;
    }
}
