package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.switchboard.core.ChannelUnavailableException;
import org.switchboard.core.Originate;
import org.switchboard.core.Pbx;

/**
 * {@code channel originate <tech/data> extension [exten@][context]} and
 * {@code channel originate <tech/data> application <app> [<appdata>]}: places a call and, once it
 * answers, runs the dialplan or one application on it. Returns at once, as Asterisk does.
 */
public final class ChannelOriginate extends AbstractCommand {
    /** How long the call may ring, as Asterisk's CLI originate (30 s). */
    static final long TIMEOUT_MS = 30_000;

    public ChannelOriginate() {
        super("channel originate", """
                Usage: channel originate <tech/data> application <appname> [appdata]
                  Originate a call and connect it to the specified application.

                Usage: channel originate <tech/data> extension [exten@][context]
                  Originate a call and connect it to the specified extension.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() < 2) return false;
        String techData = args.get(0);
        int slash = techData.indexOf('/');
        if (slash <= 0 || slash == techData.length() - 1) {
            out.println("*** No data specified after channel type ***");
            return true;
        }
        String kind = args.get(1);
        try {
            if (kind.equalsIgnoreCase("application")) {
                if (args.size() < 3) return false;
                String data = args.size() > 3 ? String.join(" ", args.subList(3, args.size())) : "";
                Originate.toApplication(pbx, techData, args.get(2), data, TIMEOUT_MS, Map.of(), null);
            } else if (kind.equalsIgnoreCase("extension")) {
                if (args.size() > 3) return false;
                String exten = args.size() == 3 ? args.get(2) : "";
                String context = "";
                int at = exten.indexOf('@');
                if (at >= 0) {
                    context = exten.substring(at + 1);
                    exten = exten.substring(0, at);
                }
                if (exten.isEmpty()) exten = "s";
                if (context.isEmpty()) context = "default";
                Originate.toExtension(pbx, techData, context, exten, 1, TIMEOUT_MS, Map.of(), null);
            } else {
                return false;
            }
        } catch (ChannelUnavailableException e) {
            out.println("Unable to originate on '" + techData + "': " + e.getMessage());
        }
        return true;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        if (args.size() == 1) return startingWith(args, pbx.modules().drivers().values().stream().map(d -> d.technology() + "/").toList());
        if (args.size() == 2) return startingWith(args, List.of("application", "extension"));
        if (args.size() == 3 && args.get(1).equalsIgnoreCase("application")) {
            return startingWith(args, pbx.modules().applications().values().stream().map(a -> a.name()).toList());
        }
        return List.of();
    }
}
