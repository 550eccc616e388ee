package org.switchboard.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A channel's variables. Names are case-sensitive as in Asterisk; a leading {@code _} or {@code __}
 * is remembered as the inheritance mark but not part of the name ({@code ${VAR}} finds {@code __VAR}),
 * and setting {@code VAR} again replaces it together with its mark, as pbx_builtin_setvar_helper does.
 */
public final class ChannelVariables {
    /** value plus how it is inherited: 0 not, 1 one level (_), 2 forever (__). */
    private record Var(String value, int inherit) {}

    private final Map<String, Var> vars = new ConcurrentHashMap<>();

    public static String stripInherit(String name) {
        if (name.startsWith("__")) return name.substring(2);
        if (name.startsWith("_")) return name.substring(1);
        return name;
    }

    private static int inheritLevel(String name) {
        if (name.startsWith("__")) return 2;
        return name.startsWith("_") ? 1 : 0;
    }

    public String get(String name) {
        Var v = vars.get(name);
        return v == null ? null : v.value;
    }

    public void set(String name, String value) {
        vars.put(stripInherit(name), new Var(value, inheritLevel(name)));
    }

    public void remove(String name) { vars.remove(stripInherit(name)); }
    public boolean contains(String name) { return vars.containsKey(name); }

    /** Names with their inheritance marks, as {@code core show channel} and DUMPCHAN print them. */
    public Map<String, String> snapshot() {
        Map<String, String> out = new LinkedHashMap<>();
        vars.forEach((k, v) -> out.put(v.inherit == 2 ? "__" + k : v.inherit == 1 ? "_" + k : k, v.value));
        return out;
    }

    /** ast_channel_inherit_variables: __VAR passes on as __VAR, _VAR as plain VAR. */
    public void inheritInto(ChannelVariables child) {
        vars.forEach((k, v) -> {
            if (v.inherit == 2) child.vars.put(k, v);
            else if (v.inherit == 1) child.vars.put(k, new Var(v.value, 0));
        });
    }
}
