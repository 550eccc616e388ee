package org.switchboard.core;

import org.switchboard.dialplan.Substitution;
import org.switchboard.dialplan.SubstitutionContext;

/**
 * Reading and writing variables and functions for a channel, the way pbx_retrieve_variable and
 * pbx_builtin_setvar_helper do: built-ins first ({@code EXTEN}, {@code CONTEXT}, ...), then the
 * channel's variables, then globals.
 */
public final class Variables {
    private final Pbx pbx;

    Variables(Pbx pbx) { this.pbx = pbx; }

    /** A variable's value as {@code ${name}} would give it, or null when unset. */
    public String get(Channel c, String name) {
        if (c != null) {
            String builtin = builtin(c, name);
            if (builtin != null) return builtin;
            String v = c.getVar(name);
            if (v != null) return v;
        }
        String g = pbx.globals().get(name);
        if (g != null) return g;
        return switch (name) {
            case "EPOCH" -> Long.toString(System.currentTimeMillis() / 1000);
            case "SYSTEMNAME" -> "";
            case "ENTITYID" -> "00:00:00:00:00:00";
            case "ASTETCDIR" -> pbx.configDir() == null ? "" : pbx.configDir().toString();
            default -> null;
        };
    }

    private static String builtin(Channel c, String name) {
        return switch (name) {
            case "EXTEN" -> c.exten();
            case "CONTEXT" -> c.context();
            case "PRIORITY" -> Integer.toString(c.priority());
            case "CHANNEL" -> c.name();
            case "UNIQUEID" -> c.uniqueId();
            case "HANGUPCAUSE" -> Integer.toString(c.hangupCause());
            default -> null;
        };
    }

    /**
     * {@code Set(name=value)}: a function write when name is {@code FUNC(args)}, a global when
     * there is no channel, else a channel variable (a leading _ or __ marks inheritance).
     */
    public void set(Channel c, String name, String value) {
        String n = name.trim();
        int open = n.indexOf('(');
        if (open > 0 && n.endsWith(")")) {
            String fname = n.substring(0, open);
            // the caller substituted the whole assignment already; ast_func_write does not do it again
            String args = n.substring(open + 1, n.length() - 1);
            DialplanFunction f = pbx.modules().function(fname);
            if (f == null) {
                PbxLog.error("pbx_functions.c", "Function " + fname + " not registered");
                return;
            }
            if (!f.writable()) {
                PbxLog.error("pbx_functions.c", "Function " + fname + " cannot be written to");
                return;
            }
            f.write(c, args, value);
            return;
        }
        if (c == null) {
            pbx.globals().put(ChannelVariables.stripInherit(n), value);
            return;
        }
        c.setVar(n, value);
    }

    /** Reads {@code FUNC(args)} with args already substituted; null when there is no such function. */
    public String function(Channel c, String name, String args) {
        DialplanFunction f = pbx.modules().function(name);
        if (f == null) {
            PbxLog.error("pbx_functions.c", "Function " + name + " not registered");
            return null;
        }
        try {
            String v = f.read(c, args);
            return v == null ? "" : v;
        } catch (HangupException e) {
            throw e;
        } catch (RuntimeException e) {
            PbxLog.error("pbx_functions.c", "Function " + name + "(" + args + ") failed: " + e);
            return "";
        }
    }

    public String substitute(Channel c, String text) {
        if (text == null || text.indexOf('$') < 0) return text == null ? "" : text;
        return Substitution.substitute(text, context(c));
    }

    /** The bridge between the substitution engine and this channel. */
    public SubstitutionContext context(Channel c) {
        return new SubstitutionContext() {
            public String variable(String name) { return get(c, name); }
            public String function(String name, String args) { return Variables.this.function(c, name, args); }
            public void warning(String source, String message) { PbxLog.warning(source, message); }
        };
    }
}
