package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code MIN(num1,num2)} (func_math.c): the minimum of two numbers. */
public final class MinFunction extends BaseFunction {
    public MinFunction() {
        super("MIN", "func_math", "Returns the minimum of two numbers.", "MIN(num1,num2)", """
                Returns the minimum of num1 and num2. Each is read like sscanf("%lf"): the
                number at its start, so 3abc is 3; an argument that does not start with a
                number is a warning and gives nothing. When only one of the two is given, it is
                the result; when neither is, that is an error. A whole number is written without
                decimals, any other with six (1.500000), and the result is cut to 11 characters
                as Asterisk's buffer cuts it.
                Example: ${MIN(7,4)} returns 4.""");
    }

    @Override
    public String read(Channel channel, String data) {
        String[] args = FuncArgs.standard(data, 2);
        if (FuncArgs.isEmpty(args[0]) && FuncArgs.isEmpty(args[1])) {
            error("Missing argument for number(s).");
            return "";
        }
        Double a = null;
        if (!FuncArgs.isEmpty(args[0]) && (a = MathResult.number(args[0])) == null) {
            warn("'" + args[0] + "' is not a valid number");
            return "";
        }
        Double b = a;
        if (!FuncArgs.isEmpty(args[1]) && (b = MathResult.number(args[1])) == null) {
            warn("'" + args[1] + "' is not a valid number");
            return "";
        }
        return MathResult.format(a == null ? b : pick(a, b));
    }

    private static double pick(double a, double b) { return a > b ? b : a; }
}
