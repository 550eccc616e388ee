package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.Pbx;

/** {@code core show functions [like <text>]} in Asterisk's layout (main/pbx_functions.c). */
public final class CoreShowFunctions extends AbstractCommand {
    public CoreShowFunctions() {
        super("core show functions", """
                Usage: core show functions [like <text>]
                       List builtin functions, optionally only those matching a given string
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        boolean like = args.size() == 2 && args.get(0).equalsIgnoreCase("like");
        if (!args.isEmpty() && !like) return false;
        out.println((like ? "Matching" : "Installed") + " Custom Functions:");
        out.println("-".repeat(80));
        int count = 0;
        for (DialplanFunction f : pbx.modules().functions().values()) {
            if (like && !containsIgnoreCase(f.name(), args.get(1))) continue;
            count++;
            out.println(String.format("%-20.20s  %-35.35s  %s", f.name(), orEmpty(f.syntax()), orEmpty(f.synopsis())));
        }
        out.println(count + " " + (like ? "matching " : "") + "custom functions installed.");
        return true;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        return args.size() == 1 ? startingWith(args, List.of("like")) : List.of();
    }

    private static String orEmpty(String s) { return s == null ? "" : s; }
}
