package org.switchboard.dialplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.config.ConfigProblem;

/**
 * What {@code switchboard check} warns about in a loaded dialplan, beyond what the reader refuses:
 * applications and functions that are not loaded (also the applications named inside ExecIf, Exec
 * and TryExec), and GotoIf targets that name no priority. Only text without {@code ${...}} is
 * judged: what a variable decides is known only when the call runs. Pure: no I/O.
 */
public final class DialplanCheck {
    private static final Pattern FUNCTION_CALL = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\(");
    private static final Pattern FUNCTION_WRITE = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\(");

    private final Dialplan dialplan;
    private final Set<String> applications;
    private final Set<String> functions;
    private final List<ConfigProblem> warnings = new ArrayList<>();

    /** @param applications, functions the loaded names, lower-case / upper-case as they are keyed */
    private DialplanCheck(Dialplan dialplan, Set<String> applications, Set<String> functions) {
        this.dialplan = dialplan;
        this.applications = applications;
        this.functions = functions;
    }

    /**
     * @param applications the loaded applications, lower-cased
     * @param functions    the loaded functions, upper-cased
     */
    public static List<ConfigProblem> warnings(Dialplan dialplan, Set<String> applications, Set<String> functions) {
        DialplanCheck c = new DialplanCheck(dialplan, applications, functions);
        for (DialplanContext ctx : dialplan.contexts()) {
            for (ExtensionGroup g : ctx.groups()) {
                for (Extension e : g.variants()) {
                    for (Priority p : e.priorities().values()) {
                        if (p.number() != Priority.HINT) c.check(ctx, e, p);
                    }
                }
            }
        }
        return List.copyOf(c.warnings);
    }

    private void check(DialplanContext ctx, Extension e, Priority p) {
        String app = p.application();
        String data = p.data() == null ? "" : p.data();
        application(p, app, null);
        Matcher m = FUNCTION_CALL.matcher(data);
        while (m.find()) function(p, m.group(1));
        switch (app.toLowerCase(Locale.ROOT)) {
            case "set", "mset" -> {
                Matcher w = FUNCTION_WRITE.matcher(data);
                if (w.find() && data.indexOf('=') > w.end()) function(p, w.group(1));
            }
            case "exec", "tryexec" -> application(p, leadingName(data), app);
            case "execif" -> execIf(p, data);
            case "gotoif" -> gotoIf(ctx, e, p, data);
            default -> { }
        }
    }

    private void application(Priority p, String name, String inside) {
        if (name == null || name.isEmpty() || name.contains("$")) return;
        if (applications.contains(name.toLowerCase(Locale.ROOT))) return;
        warn(p, "warning: application '" + name + "' is not loaded" + (inside == null ? "" : " (called by " + inside + ")"));
    }

    private void function(Priority p, String name) {
        if (!functions.contains(name.toUpperCase(Locale.ROOT))) warn(p, "warning: function '" + name + "' is not loaded");
    }

    /** ExecIf(expression?appiftrue(args)[:appiffalse(args)]). */
    private void execIf(Priority p, String data) {
        int q = data.indexOf('?');
        if (q < 0) return;
        String rest = data.substring(q + 1);
        application(p, leadingName(rest), "ExecIf");
        int open = rest.indexOf('(');
        int close = open < 0 ? -1 : matchingParen(rest, open);
        if (close >= 0 && close + 1 < rest.length() && rest.charAt(close + 1) == ':') {
            application(p, leadingName(rest.substring(close + 2)), "ExecIf");
        }
    }

    /** GotoIf(condition?[labeliftrue][:labeliffalse]): each literal target must name a priority. */
    private void gotoIf(DialplanContext ctx, Extension e, Priority p, String data) {
        int q = data.indexOf('?');
        if (q < 0) return;
        String branches = data.substring(q + 1);
        int colon = branches.indexOf(':');
        target(ctx, e, p, colon < 0 ? branches : branches.substring(0, colon));
        if (colon >= 0) target(ctx, e, p, branches.substring(colon + 1));
    }

    private void target(DialplanContext ctx, Extension e, Priority p, String target) {
        String t = target.strip();
        if (t.isEmpty() || t.contains("$")) return;
        DialplanLocation at = DialplanLocation.parse(t);
        if (at.direction() != 0) return; // relative: always somewhere
        String context = at.context() == null || at.context().isEmpty() ? ctx.name() : at.context();
        String exten = at.exten() == null || at.exten().isEmpty() ? e.name() : at.exten();
        if (dialplan.context(context) == null) {
            warn(p, "warning: GotoIf target '" + t + "': no context '" + context + "'");
            return;
        }
        if (at.exten() == null && exten.startsWith("_")) return; // a pattern extension: known only per call
        if (exists(context, exten, at.priority())) return;
        // GotoApp's fallback: a lone word that is no label may be an extension of the context (priority 1)
        if (at.exten() == null && exists(context, at.priority(), "1")) return;
        warn(p, "warning: GotoIf target '" + t + "' names no priority (context '" + context + "', extension '" + exten + "')");
    }

    private boolean exists(String context, String exten, String priority) {
        try {
            int n = Integer.parseInt(priority.strip());
            return dialplan.exists(context, exten, n, "");
        } catch (NumberFormatException label) {
            return dialplan.findLabel(context, exten, priority, "") != null;
        }
    }

    private static String leadingName(String text) {
        int open = text.indexOf('(');
        return (open < 0 ? text : text.substring(0, open)).strip();
    }

    private static int matchingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }

    private void warn(Priority p, String message) {
        warnings.add(new ConfigProblem(p.file(), p.line(), message));
    }
}
