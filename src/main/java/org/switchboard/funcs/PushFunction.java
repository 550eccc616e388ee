package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** {@code Set(PUSH(varname[,delimiter])=value)} (func_strings.c): appends to a delimited list. */
public final class PushFunction extends BaseFunction {
    public PushFunction() {
        super("PUSH", "func_strings", "Appends one or more values to the end of a variable holding a delimited list.",
                "PUSH(varname[,delimiter])",
                """
                Write-only. Set(PUSH(array)=value) appends value to the list held in the
                variable array, joined with the delimiter (a comma by default; one character,
                which may be encoded as \\n, \\r, \\t, \\0nnn or \\xHH). A list of values is
                appended as it is: Set(PUSH(array)=one,two,three) adds three items. An empty
                variable simply becomes value. A leading _ or __ on varname marks the variable
                for inheritance, as with Set.""");
    }

    @Override
    public String read(Channel channel, String data) {
        PbxLog.error("pbx_functions.c", "Function " + name() + " cannot be read");
        return null;
    }

    @Override
    public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String data, String value) {
        add(this, channel, data, value, false);
    }

    /** unshift_push: UNSHIFT when {@code atStart}, PUSH otherwise. */
    static void add(BaseFunction f, Channel channel, String data, String value, boolean atStart) {
        String[] args = FuncArgs.standard(data, 2);
        if (FuncArgs.isEmpty(args[0])) {
            f.warn(f.name() + " requires a variable name");
            return;
        }
        char delim = ',';
        if (!FuncArgs.isEmpty(args[1])) delim = (char) Math.max(0, FilterFunction.decodeChar(args[1], 0, new int[1]));
        String var = args[0];
        // the inheritance marks (at most two underscores) are not part of the name to read
        int marks = 0;
        while (marks < 2 && marks < var.length() && var.charAt(marks) == '_') marks++;
        String previous = EvalFunction.valueOf(channel, var.substring(marks));
        String v = value == null ? "" : value;
        String joined = previous.isEmpty() ? v : atStart ? v + delim + previous : previous + delim + v;
        int nul = joined.indexOf('\0');   // a NUL delimiter ends the C string there
        if (nul >= 0) joined = joined.substring(0, nul);
        if (channel != null) channel.pbx().vars().set(channel, var, joined);
    }
}
