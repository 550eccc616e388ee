package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Pbx;
import org.switchboard.res.astdb.AstDb;

/** {@code database show [family [keytree]]}: the rows, all or under a family or key tree. */
public final class DatabaseShow extends AbstractCommand {
    public DatabaseShow() {
        super("database show", """
                Usage: database show [family [keytree]]
                   OR
                Usage: database show [family[/keytree]]
                       Shows Asterisk database contents, optionally restricted
                       to a given family, or family and keytree. The two arguments
                       may be either space or slash separated.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() > 2) return false;
        String family = args.isEmpty() ? null : args.get(0);
        String keytree = args.size() == 2 ? args.get(1) : null;
        DatabaseRows.print(AstDb.of(pbx).tree(family, keytree), out);
        return true;
    }
}
