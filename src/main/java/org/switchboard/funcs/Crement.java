package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** What INC and DEC share (func_math.c crement_function_read). */
final class Crement {
    private Crement() {}

    /** Adds {@code delta} to the integer in variable {@code name} and returns the new value, or "" with Asterisk's notice. */
    static String apply(BaseFunction f, Channel channel, String name, int delta) {
        if (FuncArgs.isEmpty(name)) {
            f.warn("Syntax: " + f.name() + "(<data>) - missing argument!");
            return "";
        }
        if (f.noChannel(channel)) return "";
        // pbx_builtin_getvar_helper: the channel's variables, then the globals
        String value = channel.getVar(name);
        if (value == null) value = channel.pbx().globals().get(name);
        if (value == null) {
            PbxLog.notice(f.source(), "Failed to obtain variable " + name + ", bailing out");
            return "";
        }
        if (value.isEmpty()) {
            PbxLog.notice(f.source(), "Variable " + name + " doesn't exist - are you sure you wrote it correctly?");
            return "";
        }
        Integer n = wholeInt(value);
        if (n == null) {
            PbxLog.notice(f.source(), "The content of ${" + name + "} is not a numeric value - bailing out!");
            return "";
        }
        String result = Integer.toString(n + delta);
        channel.pbx().vars().set(channel, name, result);
        return result;
    }

    /** sscanf("%d%1c") that must read a number and nothing after it: " 12" yes, "12 " and "1.5" no. */
    private static Integer wholeInt(String s) {
        int i = 0;
        while (i < s.length() && FuncArgs.isSpace(s.charAt(i))) i++;
        int start = i;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int digits = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        if (i == digits || i != s.length() || i - digits > 10) return null;
        long v = Long.parseLong(s.substring(start, i));
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (int) v;
    }
}
