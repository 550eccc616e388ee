package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;
import org.switchboard.res.cli.CliDispatcher;

/**
 * {@code core show help [command]}: every command with its one-line summary, or the usage of one
 * command, or the commands that start with the words given (Asterisk's handle_help / help1).
 */
public final class CoreShowHelp extends AbstractCommand {
    public CoreShowHelp() {
        super("core show help", """
                Usage: core show help [topic]
                       When called with a topic as an argument, displays usage
                       information on the given command. If called without a
                       topic, it provides a list of commands.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        List<CliCommand> commands = new ArrayList<>(pbx.modules().cliCommands());
        commands.sort(Comparator.comparing(CliDispatcher::name));
        if (!args.isEmpty()) {
            for (CliCommand c : commands) {
                if (c.words().size() == args.size() && CliDispatcher.name(c).equalsIgnoreCase(String.join(" ", args))) {
                    String usage = c.usage();
                    if (usage == null || usage.isBlank()) out.println("No help text available for '" + String.join(" ", args) + "'.");
                    else out.print(usage.endsWith("\n") ? usage : usage + "\n");
                    return true;
                }
            }
        }
        String match = String.join(" ", args);
        int found = 0;
        for (CliCommand c : commands) {
            String name = CliDispatcher.name(c);
            if (!name.regionMatches(true, 0, match, 0, match.length())) continue;
            out.println(String.format("%-30s -- %s", name, summary(c)));
            found++;
        }
        if (found == 0 && !match.isEmpty()) out.println("No such command '" + match + "'.");
        return true;
    }

    /**
     * The first sentence that explains the command: the text after the {@code Usage:} line up to its
     * first full stop (Asterisk keeps a separate one-line summary; our usage texts carry it).
     */
    static String summary(CliCommand c) {
        String usage = c.usage() == null ? "" : c.usage().strip();
        List<String> lines = new ArrayList<>(List.of(usage.split("\n")));
        if (lines.size() > 1 && lines.get(0).strip().startsWith("Usage:")) lines.remove(0);
        StringBuilder text = new StringBuilder();
        for (String l : lines) {
            if (l.isBlank() || l.strip().startsWith("Usage:")) break;
            if (!text.isEmpty()) text.append(' ');
            text.append(l.strip());
        }
        int stop = text.indexOf(". ");
        String sentence = stop >= 0 ? text.substring(0, stop + 1) : text.toString();
        return sentence.isEmpty() ? "<no description available>" : sentence;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        List<String> before = args.subList(0, args.size() - 1);
        return new CliDispatcher(pbx).completeWords(before, args.get(args.size() - 1));
    }
}
