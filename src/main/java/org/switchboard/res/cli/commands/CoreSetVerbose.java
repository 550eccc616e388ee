package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.Pbx;

/** {@code core set verbose [atleast] <level> [silent]}: how much the console log shows. */
public final class CoreSetVerbose extends AbstractCommand {
    public CoreSetVerbose() {
        super("core set verbose", """
                Usage: core set verbose [atleast] <level> [silent]
                       Sets level of verbose messages to be displayed.
                       0 or off means no messages should be displayed.
                       Equivalent to -v[v[...]] on the command line
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        List<String> a = new ArrayList<>(args);
        boolean atLeast = !a.isEmpty() && a.get(0).equalsIgnoreCase("atleast");
        if (atLeast) a.remove(0);
        boolean silent = !a.isEmpty() && a.get(a.size() - 1).equalsIgnoreCase("silent");
        if (silent) a.remove(a.size() - 1);
        if (a.size() != 1) return false;
        int level;
        if (a.get(0).equalsIgnoreCase("off")) {
            level = 0;
        } else {
            try {
                level = Integer.parseInt(a.get(0));
            } catch (NumberFormatException e) {
                return false;
            }
            if (level < 0) return false;
        }
        int old = pbx.log().verbose();
        if (atLeast && level < old) level = old;
        pbx.log().setVerbose(level);
        if (silent) return true;
        if (level == 0 && old > 0) out.println("Verbosity is now OFF");
        else if (level != old) out.println("Verbosity was " + old + " and is now " + level);
        else out.println("Verbosity is at least " + level);
        return true;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        return args.size() == 1 ? startingWith(args, List.of("atleast", "off")) : List.of();
    }
}
