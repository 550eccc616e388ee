package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.switchboard.core.Pbx;

/** {@code dialplan show globals}: the global variables now, as Asterisk lists them. */
public final class DialplanShowGlobals extends AbstractCommand {
    public DialplanShowGlobals() {
        super("dialplan show globals", """
                Usage: dialplan show globals
                       List current global dialplan variables and their values
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        Map<String, String> globals = new TreeMap<>(pbx.globals());
        globals.forEach((k, v) -> out.println("   " + k + "=" + v));
        out.println();
        out.println("    -- " + globals.size() + " variable(s)");
        return true;
    }
}
