package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code FIELDNUM(varname,delim,value)} (func_strings.c): the 1-based position of a field in a list. */
public final class FieldNumFunction extends BaseFunction {
    public FieldNumFunction() {
        super("FIELDNUM", "func_strings", "Returns the 1-based position of a field in a list.",
                "FIELDNUM(varname,delim,value)",
                """
                Splits the variable varname at the character delim and returns the position,
                counting from 1, of the first field equal to value (compared without regard to
                case); 0 when no field matches, the variable is empty or the delimiter is empty.
                The delimiter may be encoded as for FIELDQTY (\\n, \\r, \\t, \\0nnn, \\xHH).
                Fewer than three arguments is an error and gives nothing.
                Example: when ${example} is ex-amp-le, ${FIELDNUM(example,-,amp)} returns 2.""");
    }

    @Override
    public String read(Channel channel, String data) {
        String[] args = FuncArgs.standard(data, 3);
        if (args[2] == null) {
            error("Usage: FIELDNUM(<listname>,<delimiter>,<fieldvalue>)");
            return null;
        }
        String value = EvalFunction.valueOf(channel, args[0]);
        if (value.isEmpty() || args[1].isEmpty()) return "0";
        int delim = FilterFunction.decodeChar(args[1], 0, new int[1]);
        if (delim == FilterFunction.BAD_HEX) return null;
        int index = 0;
        int start = 0;
        while (true) {
            int end = delim > 0 ? value.indexOf(delim, start) : -1;
            String field = end < 0 ? value.substring(start) : value.substring(start, end);
            index++;
            if (field.equalsIgnoreCase(args[2])) return Integer.toString(index);
            if (end < 0) return "0";
            start = end + 1;
        }
    }
}
