package org.switchboard.res.manager.actions;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.res.cli.CliDispatcher;

/**
 * Command: runs a CLI command and returns what it printed as {@code Output:} lines (Asterisk 14+
 * framing; asterisk-java's CommandResponse reads them).
 */
public final class CommandAction extends BaseAction {
    /** manager.c command_blacklist: not from AMI. */
    private static final List<List<String>> BLACKLIST = List.of(
            List.of("module", "load"), List.of("module", "unload"), List.of("restart", "gracefully"));

    public CommandAction() {
        super("Command", "command", "Execute Asterisk CLI Command.", """
                Action: Command
                [ActionID: <value>]
                Command: <CLI command>""", """
                Runs a CLI command as the console would and returns its output, one Output header per
                line. Response is Error when the command does not exist or was used wrongly.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String cmd = request.get("Command");
        if (isBlank(cmd)) {
            reply.error("No command provided");
            return;
        }
        List<String> words = CliDispatcher.split(cmd);
        for (List<String> bad : BLACKLIST) {
            if (words.size() >= bad.size() && lower(words.subList(0, bad.size())).equals(bad)) {
                reply.error("Command blacklisted");
                return;
            }
        }
        StringWriter text = new StringWriter();
        CliDispatcher.Outcome outcome;
        try (PrintWriter out = new PrintWriter(text)) {
            outcome = new CliDispatcher(request.pbx()).execute(cmd, out);
        }
        List<String> lines = new ArrayList<>(List.of(text.toString().split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        boolean ok = outcome == CliDispatcher.Outcome.OK || outcome == CliDispatcher.Outcome.EMPTY;
        reply.response(ok ? "Success" : "Error", "Command output follows", fields("Output", lines));
    }

    private static List<String> lower(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) out.add(w.toLowerCase(Locale.ROOT));
        return out;
    }
}
