package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code SHIFT(varname[,delimiter])} (func_strings.c): takes the first item off a delimited list. */
public final class ShiftFunction extends BaseFunction {
    public ShiftFunction() {
        super("SHIFT", "func_strings", "Removes and returns the first item of a variable holding a delimited list.",
                "SHIFT(varname[,delimiter])",
                """
                Returns the first item of the list held in the variable varname and stores the
                rest back into the variable; the last item leaves the variable empty. The
                delimiter is one character, a comma by default, and may be encoded (\\n, \\r,
                \\t, \\0nnn, \\xHH). An empty variable gives nothing.
                Example:
                  exten => s,1,Set(array=one,two,three)
                  exten => s,n,While($["${SET(var=${SHIFT(array)})}" != ""])
                  exten => s,n,NoOp(var is ${var})
                  exten => s,n,EndWhile
                runs NoOp(var is one), NoOp(var is two) and NoOp(var is three), in that order.""");
    }

    @Override
    public String read(Channel channel, String data) {
        return take(this, channel, data, true);
    }

    /** shift_pop: SHIFT when {@code first}, POP otherwise. */
    static String take(BaseFunction f, Channel channel, String data, boolean first) {
        String[] args = FuncArgs.standard(data, 2);
        if (FuncArgs.isEmpty(args[0])) {
            f.warn(f.name() + " requires a variable name");
            return null;
        }
        String before = EvalFunction.valueOf(channel, args[0]);
        int delim = ',';
        if (!FuncArgs.isEmpty(args[1])) delim = Math.max(0, FilterFunction.decodeChar(args[1], 0, new int[1]));
        if (before.isEmpty()) return null;   // nothing to take
        int at = delim == 0 ? -1 : first ? before.indexOf(delim) : before.lastIndexOf(delim);
        String result;
        String rest;
        if (at < 0) {
            result = before;
            rest = "";
        } else if (first) {
            result = before.substring(0, at);
            rest = before.substring(at + 1);
        } else {
            result = before.substring(at + 1);
            rest = before.substring(0, at);
        }
        if (channel != null) channel.pbx().vars().set(channel, args[0], rest);
        return result;
    }
}
