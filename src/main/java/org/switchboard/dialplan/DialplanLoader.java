package org.switchboard.dialplan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigSection;

/**
 * Builds a {@link Dialplan} from extensions.conf (pbx_config's rules): {@code exten =>},
 * {@code same =>}, priorities {@code n}, {@code n+N}, {@code s}, labels, hints, caller-ID matches,
 * includes with time conditions, ignore patterns. Every problem is reported with file:line and
 * the rest of the file still loads.
 */
public final class DialplanLoader {
    /**
     * The dialplan, what was wrong with the file, and what Asterisk only warns about (an include of
     * a context that does not exist); a dialplan is returned even with problems.
     */
    public record Result(Dialplan dialplan, List<ConfigProblem> problems, List<ConfigProblem> warnings) {}

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();
    private final Map<String, DialplanContext> contexts = new LinkedHashMap<>();
    private final Map<String, String> globals = new LinkedHashMap<>();

    private DialplanLoader() {}

    public static Result load(Config config) {
        DialplanLoader l = new DialplanLoader();
        l.problems.addAll(config.problems());
        DialplanSettings settings = l.readGeneral(config.section("general"));
        for (ConfigSection s : config.sections()) {
            if (s.isTemplate()) continue;
            String name = s.name();
            if (name.equalsIgnoreCase("general")) continue;
            if (name.equalsIgnoreCase("globals")) {
                for (ConfigEntry e : s.entries()) l.globals.put(e.key(), l.substituteGlobals(e.value()));
                continue;
            }
            l.readContext(s);
        }
        for (DialplanContext c : l.contexts.values()) {
            c.freeze();
            for (Include inc : c.includes()) {
                if (!l.contexts.containsKey(inc.context())) {
                    // pbx_config.c warns and loads the rest: the include may be added later (dialplan add include)
                    l.warnings.add(new ConfigProblem(inc.file(), inc.line(),
                            "Context '" + c.name() + "' tries to include nonexistent context '" + inc.context() + "'"));
                }
            }
        }
        return new Result(new Dialplan(l.contexts, l.globals, settings), List.copyOf(l.problems), List.copyOf(l.warnings));
    }

    private DialplanSettings readGeneral(ConfigSection g) {
        if (g == null) return DialplanSettings.DEFAULT;
        return new DialplanSettings(isTrue(g.get("static", "yes")), isTrue(g.get("writeprotect", "no")),
                isTrue(g.get("clearglobalvars", "no")), isTrue(g.get("extenpatternmatchnew", "no")),
                isTrue(g.get("autofallthrough", "yes")));
    }

    static boolean isTrue(String v) { return org.switchboard.config.AstTrue.isTrue(v); }

    private void readContext(ConfigSection s) {
        DialplanContext ctx = contexts.computeIfAbsent(s.name(), n -> new DialplanContext(n, s.file(), s.line()));
        String lastExten = null;
        String lastCid = null;
        int lastPri = -2;
        Map<String, Integer> lastPriByExten = new HashMap<>();
        for (ConfigEntry e : s.entries()) {
            String key = e.key().toLowerCase();
            switch (key) {
                case "exten", "same" -> {
                    ExtenLine line = parseExten(ctx, e, key.equals("same"), lastExten, lastCid, lastPri);
                    if (line == null) continue;
                    lastExten = line.exten;
                    lastCid = line.cid;
                    lastPri = line.priority;
                    lastPriByExten.put(line.exten, line.priority);
                    addPriority(ctx, line, e);
                }
                case "include" -> readInclude(ctx, e);
                case "ignorepat" -> {
                    try {
                        ctx.ignorePatterns().add(ExtensionPattern.parse(e.value().trim()));
                    } catch (IllegalArgumentException ex) {
                        problem(e, "Invalid ignore pattern '" + e.value() + "': " + ex.getMessage());
                    }
                }
                // Asterisk loads a switch whose module is absent and fails only when a call reaches it
                case "switch", "eswitch", "lswitch" -> warnings.add(new ConfigProblem(e.file(), e.line(),
                        "switch => " + e.value() + " is not supported (no switch modules); the line is ignored"));
                default -> problem(e, "Unknown directive '" + e.key() + "' in context '" + s.name() + "'");
            }
        }
    }

    private record ExtenLine(String exten, String cid, int priority, String label, String app, String data) {}

    private ExtenLine parseExten(DialplanContext ctx, ConfigEntry e, boolean same, String lastExten, String lastCid,
                                 int lastPri) {
        String v = e.value();
        String ext;
        String cid = null;
        String rest;
        if (same) {
            if (lastExten == null) {
                problem(e, "No previous extension for 'same =>'");
                return null;
            }
            ext = lastExten;
            cid = lastCid;
            rest = v;
        } else {
            int comma = v.indexOf(',');
            if (comma < 0) {
                problem(e, "Invalid extension line '" + v + "': expected exten => name,priority,Application(args)");
                return null;
            }
            ext = stripSpaces(v.substring(0, comma));
            rest = v.substring(comma + 1);
            int slash = ext.indexOf('/');
            if (slash >= 0) {
                cid = ext.substring(slash + 1);
                ext = ext.substring(0, slash);
            }
            ext = substituteGlobals(ext);
            if (ext.isEmpty()) {
                problem(e, "Empty extension name");
                return null;
            }
        }
        int comma = rest.indexOf(',');
        String pri = (comma < 0 ? rest : rest.substring(0, comma)).trim();
        String appl = comma < 0 ? "" : rest.substring(comma + 1);
        String label = null;
        int lp = pri.indexOf('(');
        if (lp >= 0) {
            int rp = pri.indexOf(')', lp);
            if (rp < 0) {
                problem(e, "Label missing trailing ')'");
                label = pri.substring(lp + 1);
            } else {
                label = pri.substring(lp + 1, rp);
            }
            pri = pri.substring(0, lp);
        }
        int plus = 0;
        int pp = pri.indexOf('+');
        if (pp >= 0) {
            try {
                plus = Integer.parseInt(pri.substring(pp + 1).trim());
            } catch (NumberFormatException ex) {
                problem(e, "Invalid priority offset '" + pri + "'");
            }
            pri = pri.substring(0, pp);
        }
        int ipri;
        boolean sameExten = same || ext.equals(lastExten);
        if (pri.equalsIgnoreCase("hint")) {
            ipri = Priority.HINT;
        } else if (pri.equals("n") || pri.equals("next")) {
            if (lastPri < -1 || !sameExten) {
                problem(e, "Can't use 'next' priority on the first entry at line " + e.line() + " of " + e.file() + "!");
                return null;
            }
            ipri = lastPri + 1;
        } else if (pri.equals("s") || pri.equals("same")) {
            if (lastPri < -1 || !sameExten) {
                problem(e, "Can't use 'same' priority on the first entry at line " + e.line() + " of " + e.file() + "!");
                return null;
            }
            ipri = lastPri;
        } else {
            try {
                ipri = Integer.parseInt(pri);
            } catch (NumberFormatException ex) {
                // pbx_config: a label of this extension already read, so "lbl+101" is that priority + 101
                Integer byLabel = labelPriority(ctx, ext, cid, pri);
                if (byLabel == null || byLabel < 1) {
                    problem(e, "Invalid priority/label '" + pri + "' at line " + e.line() + " of " + e.file());
                    return null;
                }
                ipri = byLabel;
            }
            if (ipri < 1) {
                problem(e, "Invalid priority '" + pri + "': priorities start at 1");
                return null;
            }
        }
        ipri += plus;
        String app;
        String data;
        if (ipri == Priority.HINT) {
            app = appl.trim();
            data = "";
        } else {
            int open = appl.indexOf('(');
            if (open < 0) {
                // pbx_config still accepts the old App,args form
                int c = appl.indexOf(',');
                app = (c < 0 ? appl : appl.substring(0, c)).trim();
                data = c < 0 ? "" : appl.substring(c + 1);
            } else {
                app = appl.substring(0, open).trim();
                int close = appl.lastIndexOf(')');
                if (close < open) {
                    problem(e, "Application '" + app + "' is missing its closing ')'; the rest of the line is its argument");
                    data = appl.substring(open + 1);
                } else {
                    data = appl.substring(open + 1, close);
                }
            }
            if (app.isEmpty()) {
                problem(e, "No application given for extension '" + ext + "' priority " + ipri);
                return null;
            }
        }
        return new ExtenLine(ext, cid, ipri, label, app, data);
    }

    /** The priority a label names in an extension read so far, or null. */
    private static Integer labelPriority(DialplanContext ctx, String exten, String cid, String label) {
        try {
            ExtensionGroup g = ctx.group(ExtensionPattern.parse(exten), false);
            Extension x = g == null ? null : g.variant(cid, false);
            return x == null ? null : x.labelPriority(label);
        } catch (IllegalArgumentException badPattern) {
            return null; // reported when the line itself is added
        }
    }

    private void addPriority(DialplanContext ctx, ExtenLine l, ConfigEntry e) {
        ExtensionPattern pattern;
        try {
            pattern = ExtensionPattern.parse(l.exten);
            if (l.cid != null) ExtensionPattern.parse(l.cid);
        } catch (IllegalArgumentException ex) {
            problem(e, "Invalid extension '" + l.exten + (l.cid == null ? "" : "/" + l.cid) + "': " + ex.getMessage());
            return;
        }
        ExtensionGroup g = ctx.group(pattern, true);
        if (!g.pattern().text().equals(pattern.text())) {
            problem(e, "Extension '" + l.exten + "' in context '" + ctx.name() + "' is the same pattern as '"
                    + g.pattern().text() + "'; its priorities are added to that extension");
        }
        Extension ext = g.variant(l.cid, true);
        Priority old = ext.add(new Priority(l.priority, l.label, l.app, l.data, e.file(), e.line()));
        if (old != null) {
            problem(e, "Unable to register extension '" + l.exten + "' priority " + l.priority + " in '" + ctx.name()
                    + "', already in use (at " + old.location() + ")");
        }
    }

    private void readInclude(DialplanContext ctx, ConfigEntry e) {
        String v = substituteGlobals(e.value().trim());
        // old syntax separated the time fields with '|'
        String[] parts = v.split("[,|]", 2);
        String name = parts[0].trim();
        TimeSpec time = null;
        if (parts.length > 1 && !parts[1].isBlank()) {
            try {
                time = TimeSpec.parse(parts[1]);
            } catch (IllegalArgumentException ex) {
                problem(e, "Invalid time condition on include '" + v + "': " + ex.getMessage());
                return;
            }
        }
        if (name.isEmpty()) {
            problem(e, "include => needs a context name");
            return;
        }
        ctx.includes().add(new Include(name, time, v, e.file(), e.line()));
    }

    private String substituteGlobals(String text) {
        if (text.indexOf('$') < 0) return text;
        return Substitution.substitute(text, new SubstitutionContext() {
            public String variable(String name) { return globals.get(name); }
            public String function(String name, String args) { return null; }
            public void warning(String source, String message) { }
        });
    }

    private static String stripSpaces(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) if (!Character.isWhitespace(s.charAt(i))) b.append(s.charAt(i));
        return b.toString();
    }

    private void problem(ConfigEntry e, String message) { problem(e.file(), e.line(), message); }
    private void problem(String file, int line, String message) { problems.add(new ConfigProblem(file, line, message)); }
}
