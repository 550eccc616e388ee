package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** MIN and MAX (func_math.c): the same argument reading, a different pick. */
abstract class MinMaxFunction extends BaseFunction {
    MinMaxFunction(String name, String synopsis, String syntax, String description) {
        super(name, "func_math", synopsis, syntax, description);
    }

    /** The result of two numbers. */
    abstract double pick(double a, double b);

    @Override
    public final String read(Channel channel, String data) {
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
}
