package org.switchboard.res.agi;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/** {@code agi exec <channel name> <app and arguments>}: queue an AGI command for a channel in AsyncAGI. */
public final class AgiExecCommand implements CliCommand {
    @Override public List<String> words() { return List.of("agi", "exec"); }

    @Override
    public String usage() {
        return """
                Usage: agi exec <channel name> <app and arguments> [id]
                       Add AGI command to the execute queue of the specified channel in Async AGI""";
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() < 2 || args.size() > 3) return false;
        Channel c = pbx.channels().byName(args.get(0));
        if (c == null) {
            out.println("Channel " + args.get(0) + " does not exist.");
            return true;
        }
        if (!AsyncAgiPeer.queue(c, args.get(1), args.size() > 2 ? args.get(2) : null)) {
            out.println("Failed to add AGI command to queue of channel " + args.get(0));
        }
        return true;
    }
}
