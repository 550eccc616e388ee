package org.switchboard.res.cli.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.Pbx;
import org.switchboard.dialplan.Dialplan;
import org.switchboard.dialplan.DialplanContext;
import org.switchboard.dialplan.Extension;
import org.switchboard.dialplan.ExtensionGroup;
import org.switchboard.dialplan.ExtensionPattern;
import org.switchboard.dialplan.Include;
import org.switchboard.dialplan.Priority;

/**
 * {@code dialplan show [[exten@]context]} as Asterisk prints it (main/pbx.c show_dialplan_helper):
 * a {@code [ Context 'x' created by 'pbx_config' ]} header, one line per priority with the file
 * and line it came from, includes and ignore patterns, a blank line after each context and the
 * {@code -= N extensions (N priorities) in N contexts. =-} total. With an extension, only the
 * extensions that match it are shown, following includes.
 */
public final class DialplanShow extends AbstractCommand {
    static final String REGISTRAR = "pbx_config";
    /** Asterisk stops following includes this deep (AST_PBX_MAX_STACK). */
    private static final int MAX_INCLUDE_DEPTH = 128;

    private static final class Counters {
        int contexts;
        int extensions;
        int priorities;
        boolean contextFound;
        boolean extensionFound;
    }

    public DialplanShow() {
        super("dialplan show", """
                Usage: dialplan show [[exten@]context]
                       Show dialplan
                """);
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() > 1) return false;
        String exten = null;
        String context = null;
        if (args.size() == 1) {
            String a = args.get(0);
            int at = a.indexOf('@');
            if (at >= 0) {
                exten = a.substring(0, at);
                context = a.substring(at + 1);
            } else {
                context = a;
            }
            if (exten != null && exten.isEmpty()) exten = null;
            if (context.isEmpty()) context = null;
        }
        Counters n = new Counters();
        show(pbx.dialplan(), out, context, exten, n, false, new ArrayList<>());
        if (context != null && !n.contextFound) {
            out.println("There is no existence of '" + context + "' context");
            return true;
        }
        if (exten != null && !n.extensionFound) {
            out.println(context != null ? "There is no existence of " + exten + "@" + context + " extension"
                    : "There is no existence of '" + exten + "' extension in all contexts");
            return true;
        }
        out.println("-= " + n.extensions + (n.extensions == 1 ? " extension" : " extensions")
                + " (" + n.priorities + (n.priorities == 1 ? " priority" : " priorities")
                + ") in " + n.contexts + (n.contexts == 1 ? " context" : " contexts") + ". =-");
        return true;
    }

    private static void show(Dialplan dp, PrintWriter out, String context, String exten, Counters n, boolean included,
                             List<String> stack) {
        for (DialplanContext c : dp.contexts()) {
            if (context != null && !c.name().equals(context)) continue;
            n.contextFound = true;
            boolean header = false;
            if (exten == null) {
                header(c, false, out);
                n.contexts++;
                header = true;
            }
            for (ExtensionGroup g : c.groups()) {
                for (Extension e : g.variants()) {
                    if (exten != null && !e.name().equals(exten) && !e.pattern().matches(exten)) continue;
                    n.extensionFound = true;
                    if (!header) {
                        header(c, included, out);
                        n.contexts++;
                        header = true;
                    }
                    n.extensions++;
                    boolean first = true;
                    for (Priority p : e.priorities().values()) {
                        n.priorities++;
                        String left;
                        if (first) {
                            left = e.callerIdText() == null ? "'" + e.name() + "' =>"
                                    : "'" + e.name() + "' (CID match '" + e.callerIdText() + "') => ";
                        } else {
                            left = p.label() == null || p.label().isEmpty() ? "" : "   [" + p.label() + "]";
                        }
                        String right = p.number() == Priority.HINT ? "hint: " + p.application()
                                : p.number() + ". " + p.application() + "(" + p.data() + ")";
                        out.println(String.format("  %-17s %-45s [%s:%d]", left, right, p.file(), p.line()));
                        first = false;
                    }
                }
            }
            for (Include inc : c.includes()) {
                if (exten == null) {
                    out.println(String.format("  Include =>        %-45s [%s]", "'" + inc.text() + "'", REGISTRAR));
                } else if (stack.size() < MAX_INCLUDE_DEPTH && !stack.contains(inc.context()) && !inc.context().equals(c.name())) {
                    stack.add(inc.context());
                    show(dp, out, inc.context(), exten, n, true, stack);
                    stack.remove(stack.size() - 1);
                }
            }
            for (ExtensionPattern ip : c.ignorePatterns()) {
                // Asterisk prints a matching ignore pattern even under no context header; we keep it with its context
                if (exten == null || header && ignoreMatches(ip, exten)) {
                    out.println(String.format("  Ignore pattern => %-45s [%s]", "'" + ip.text() + "'", REGISTRAR));
                }
            }
            if (header) out.println();
        }
    }

    /** Asterisk tests an ignore pattern against an extension as {@code _<pattern>.}. */
    private static boolean ignoreMatches(ExtensionPattern ip, String exten) {
        try {
            return ExtensionPattern.parse("_" + ip.text() + ".").matches(exten);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void header(DialplanContext c, boolean included, PrintWriter out) {
        out.println("[ " + (included ? "Included context" : "Context") + " '" + c.name() + "' created by '" + REGISTRAR + "' ]");
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        if (args.size() != 1) return List.of();
        String cur = args.get(0);
        int at = cur.indexOf('@');
        String prefix = at < 0 ? "" : cur.substring(0, at + 1);
        List<String> out = new ArrayList<>();
        for (DialplanContext c : pbx.dialplan().contexts()) out.add(prefix + c.name());
        return out;
    }
}
