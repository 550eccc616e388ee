package org.switchboard.res.cel;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/** {@code cel show status}: whether CEL logs, what it tracks and where it writes, in Asterisk's layout. */
public final class CelShowStatusCommand implements CliCommand {
    @Override public List<String> words() { return List.of("cel", "show", "status"); }

    @Override
    public String usage() {
        return """
                Usage: cel show status
                       Displays the Channel Event Logging system status.
                """;
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        CelEngine engine = CelEngine.of(pbx);
        CelConfig c = engine.config();
        out.println("CEL Logging: " + (c.enabled() ? "Enabled" : "Disabled"));
        if (!c.enabled()) return true;
        if (c.events().size() == CelEventType.values().length) out.println("CEL Tracking Event: ALL");
        for (CelEventType t : c.events()) out.println("CEL Tracking Event: " + t.name());
        for (String a : c.apps()) out.println("CEL Tracking Application: " + a);
        for (String b : engine.backendNames()) out.println("CEL Event Subscriber: " + b);
        return true;
    }
}
