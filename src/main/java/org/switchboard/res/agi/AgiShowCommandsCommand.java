package org.switchboard.res.agi;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;
import org.switchboard.res.agi.commands.AgiCommand;
import org.switchboard.res.agi.commands.AgiCommandTable;

/** {@code agi show commands [topic <command>]}: the AGI commands, or one command's syntax and help. */
public final class AgiShowCommandsCommand implements CliCommand {
    @Override public List<String> words() { return List.of("agi", "show", "commands"); }

    @Override
    public String usage() {
        return """
                Usage: agi show commands [topic] <topic>
                       When called with a topic as an argument, displays usage
                       information on the given command.  If called without a
                       topic, it provides a list of AGI commands.""";
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.isEmpty()) {
            out.printf("%5.5s %30.30s   %s%n", "Dead", "Command", "Description");
            for (AgiCommand c : AgiCommandTable.STANDARD.all()) {
                out.printf("%5.5s %30.30s   %s%n", c.deadOk() ? "Yes" : "No", c.fullName(), c.synopsis());
            }
            return true;
        }
        List<String> topic = args.get(0).equalsIgnoreCase("topic") ? args.subList(1, args.size()) : args;
        if (topic.isEmpty()) return false;
        AgiCommand c = AgiCommandTable.STANDARD.named(String.join(" ", topic));
        if (c == null) {
            out.println("No such command '" + String.join(" ", topic) + "'.");
            return true;
        }
        out.println("[Syntax]");
        out.println(c.syntax());
        out.println();
        out.println("[Synopsis]");
        out.println(c.synopsis());
        out.println();
        out.println("[Description]");
        out.println(c.usage().strip());
        out.println();
        out.println("[Runs Dead]");
        out.println(c.deadOk() ? "Yes" : "No");
        return true;
    }
}
