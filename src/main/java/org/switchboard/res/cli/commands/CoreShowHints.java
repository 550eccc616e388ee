package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Pbx;
import org.switchboard.res.devstate.ExtensionStates;
import org.switchboard.res.devstate.Hints;

/** {@code core show hints}: every hint of the dialplan with its extension state now (pbx.c). */
public final class CoreShowHints extends AbstractCommand {
    public CoreShowHints() {
        super("core show hints", """
                Usage: core show hints
                       List registered hints.
                       Hint details are shown in five columns. In order from left to right, they are:
                       1. Hint extension URI.
                       2. List of mapped device or presence state identifiers.
                       3. Current extension state. The aggregate of mapped device states.
                       4. Current presence state for the mapped presence state provider.
                       5. Watchers - number of subscriptions and other entities watching this hint.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        List<Hints.Hint> hints = Hints.all(pbx);
        if (hints.isEmpty()) {
            out.println("There are no registered dialplan hints");
            return true;
        }
        out.println();
        out.println("    -= Registered Asterisk Dial Plan Hints =-");
        for (Hints.Hint h : hints) {
            String state = ExtensionStates.text(Hints.state(pbx, h));
            out.printf("%-30.30s: %-60.60s  State:%-15.15s Presence:%-15.15s Watchers %2d%n",
                    h.exten() + "@" + h.context(), h.text(), state, "not_set", 0);
        }
        out.println("----------------");
        out.println("- " + hints.size() + " hints registered");
        return true;
    }
}
