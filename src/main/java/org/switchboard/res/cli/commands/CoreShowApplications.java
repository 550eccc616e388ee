package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.switchboard.core.Application;
import org.switchboard.core.Pbx;

/** {@code core show applications [like <text>|describing <text> ...]} in Asterisk's layout (main/pbx_app.c). */
public final class CoreShowApplications extends AbstractCommand {
    public CoreShowApplications() {
        super("core show applications", """
                Usage: core show applications [{like|describing} <text>]
                       List applications which are currently available.
                       If 'like', <text> will be a substring of the app name
                       If 'describing', <text> will be a substring of the description
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        boolean like = args.size() == 2 && args.get(0).equalsIgnoreCase("like");
        boolean describing = args.size() >= 2 && args.get(0).equalsIgnoreCase("describing");
        if (!args.isEmpty() && !like && !describing) return false;
        Map<String, Application> apps = pbx.modules().applications();
        if (apps.isEmpty()) {
            out.println("There are no registered applications");
            return true;
        }
        out.println(like || describing ? "    -= Matching Switchboard Applications =-" : "    -= Registered Switchboard Applications =-");
        int matched = 0;
        for (Application a : apps.values()) {
            boolean show;
            if (like) {
                show = containsIgnoreCase(a.name(), args.get(1));
            } else if (describing) {
                String desc = a.description() == null ? "" : a.description();
                show = args.subList(1, args.size()).stream().allMatch(w -> containsIgnoreCase(desc, w));
            } else {
                show = true;
            }
            if (!show) continue;
            matched++;
            String syn = a.synopsis();
            out.println(String.format("  %20s: %s", a.name(), syn == null || syn.isEmpty() ? "<Synopsis not available>" : syn));
        }
        out.println(like || describing ? "    -= " + matched + " Applications Matching =-" : "    -= " + apps.size() + " Applications Registered =-");
        return true;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        return args.size() == 1 ? startingWith(args, List.of("like", "describing")) : List.of();
    }
}
