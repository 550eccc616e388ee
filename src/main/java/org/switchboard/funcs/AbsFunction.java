package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code ABS(num)} (func_math.c): the absolute value of a number. */
public final class AbsFunction extends BaseFunction {
    public AbsFunction() {
        super("ABS", "func_math", "Returns absolute value of a number.", "ABS(num)", """
                Returns the absolute value of num, read like sscanf("%lf"): the number at its
                start, so -3abc is -3. A missing argument or one that does not start with a
                number is a warning and gives nothing. A whole number is written without
                decimals, any other with six (2.500000), cut to 11 characters as in Asterisk.
                Example: ${ABS(-13)} returns 13.""");
    }

    @Override
    public String read(Channel channel, String data) {
        String num = FuncArgs.standard(data, 1)[0];
        Double v = FuncArgs.isEmpty(num) ? null : MathResult.number(num);
        if (v == null) {
            warn("Bad or missing argument for number: " + (num == null ? "(null)" : num));
            return "";
        }
        return MathResult.format(Math.abs(v));
    }
}
