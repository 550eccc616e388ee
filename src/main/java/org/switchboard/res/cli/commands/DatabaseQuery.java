package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.switchboard.core.Pbx;
import org.switchboard.res.astdb.AstDb;

/** {@code database query "<SQL Statement>"}: any SQL on the database; each row's columns, then a blank line. */
public final class DatabaseQuery extends AbstractCommand {
    public DatabaseQuery() {
        super("database query", """
                Usage: database query "<SQL Statement>"
                       Run a user-specified SQL query on the database. Be careful.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.isEmpty()) return false;
        try {
            for (Map<String, String> row : AstDb.of(pbx).sql(String.join(" ", args))) {
                row.forEach((column, value) -> out.println(String.format("%-5s: %-50s", column, value)));
                out.println();
            }
        } catch (IllegalStateException e) {
            out.println("Failed to run query: " + e.getMessage());
        }
        return true;
    }
}
