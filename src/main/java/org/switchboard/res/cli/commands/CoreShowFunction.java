package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.Pbx;

/** {@code core show function <function>}: the documentation a dialplan function carries. */
public final class CoreShowFunction extends AbstractCommand {
    public CoreShowFunction() {
        super("core show function", """
                Usage: core show function <function>
                       Describe a particular dialplan function.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() != 1) return false;
        DialplanFunction f = pbx.modules().function(args.get(0));
        if (f == null) {
            out.println("No function by that name registered.");
            return true;
        }
        Docs.print("function", f, out);
        return true;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        return args.size() == 1
                ? startingWith(args, pbx.modules().functions().values().stream().map(DialplanFunction::name).toList())
                : List.of();
    }
}
