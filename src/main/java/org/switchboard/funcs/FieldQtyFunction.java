package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code FIELDQTY(varname,delim)} (func_strings.c): how many fields a variable holds. */
public final class FieldQtyFunction extends BaseFunction {
    public FieldQtyFunction() {
        super("FIELDQTY", "func_strings", "Counts the fields of a variable, split at a delimiter.",
                "FIELDQTY(varname,delim)",
                """
                Returns the number of fields in the variable varname when it is split at the
                character delim. An empty variable has 0 fields; without a delimiter the answer
                is 1. The delimiter may be encoded: \\n, \\r and \\t, octal \\0nnn and hexadecimal
                \\xHH, so a comma can be given as \\054 or \\x2C (or escaped as \\,).
                Example: when ${example} is ex-amp-le, ${FIELDQTY(example,-)} returns 3.""");
    }

    @Override
    public String read(Channel channel, String data) {
        String[] args = FuncArgs.standard(data, 2);
        if (args[1] == null) return "1";
        int delim = FilterFunction.decodeChar(args[1], 0, new int[1]);
        String value = EvalFunction.valueOf(channel, args[0]);
        if (value.isEmpty()) return "0";
        if (delim <= 0) return "1";   // no usable delimiter: the whole value is one field
        int count = 1;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == delim) count++;
        }
        return Integer.toString(count);
    }
}
