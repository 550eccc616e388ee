package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.ModuleState;
import org.switchboard.core.Pbx;

/** {@code module show [like <keyword>]} in Asterisk's columns (main/loader.c handle_modlist). */
public final class ModuleShow extends AbstractCommand {
    private static final String HEADER = "%-30s %-40.40s %-10s %-11s %13s";
    private static final String ROW = "%-30s %-40.40s %-10d %-11s %13s";

    public ModuleShow() {
        super("module show", """
                Usage: module show [like keyword]
                       Shows Switchboard modules currently in use, and usage statistics.
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        String like;
        if (args.isEmpty()) like = "";
        else if (args.size() == 2 && args.get(0).equalsIgnoreCase("like")) like = args.get(1);
        else return false;
        out.println(String.format(HEADER, "Module", "Description", "Use Count", "Status", "Support Level"));
        int n = 0;
        for (ModuleState m : pbx.modules().states()) {
            String name = fileName(m.name());
            if (!containsIgnoreCase(name, like)) continue;
            n++;
            out.println(String.format(ROW, name, m.description() == null ? "" : m.description(), m.useCount(), m.status().text(), "core"));
        }
        out.println(n + " modules loaded");
        return true;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        if (args.size() == 1) return startingWith(args, List.of("like"));
        if (args.size() == 2) return startingWith(args, pbx.modules().states().stream().map(m -> fileName(m.name())).toList());
        return List.of();
    }

    /** Asterisk lists modules by file: {@code app_dial.so}; the core is no file and keeps its name. */
    static String fileName(String module) { return module.contains("_") ? module + ".so" : module; }
}
