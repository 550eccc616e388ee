package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code STRBETWEEN(varname,insert-string)} (func_strings.c): a string put between every two characters. */
public final class StrBetweenFunction extends BaseFunction {
    public StrBetweenFunction() {
        super("STRBETWEEN", "func_strings", "Inserts a substring between each character of a string.",
                "STRBETWEEN(varname,insert-string)",
                """
                Returns the value of the variable varname with insert-string placed between
                each pair of neighbouring characters (not before the first or after the last).
                The variable itself is not changed. Exactly two arguments are required.
                Example: Set(digits=5551212) then SendDTMF(${STRBETWEEN(digits,w)}) sends
                5w5w5w1w2w1w2, a half-second pause between the digits.""");
    }

    @Override
    public String read(Channel channel, String data) {
        String[] args = FuncArgs.standard(data, 3);
        if (args[1] == null || args[2] != null || args[0].isEmpty()) {
            error("Usage: STRBETWEEN(<varname>,<insert-string>)");
            return null;
        }
        String value = EvalFunction.valueOf(channel, args[0]);
        if (value.length() < 2 || args[1].isEmpty()) return value;
        StringBuilder out = new StringBuilder(value.length() * (1 + args[1].length()));
        for (int i = 0; i < value.length(); i++) {
            if (i > 0) out.append(args[1]);
            out.append(value.charAt(i));
        }
        return out.toString();
    }
}
