package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Pbx;
import org.switchboard.res.astdb.AstDb;

/** {@code database showkey <keytree>}: the rows whose key ends with it, in any family. */
public final class DatabaseShowKey extends AbstractCommand {
    public DatabaseShowKey() {
        super("database showkey", """
                Usage: database showkey <keytree>
                       Shows Asterisk database contents, restricted to a given key.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() != 1) return false;
        DatabaseRows.print(AstDb.of(pbx).byKey(args.get(0)), out);
        return true;
    }
}
