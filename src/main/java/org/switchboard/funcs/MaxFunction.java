package org.switchboard.funcs;

/** {@code MAX(num1,num2)} (func_math.c): the maximum of two numbers. */
public final class MaxFunction extends MinMaxFunction {
    public MaxFunction() {
        super("MAX", "Returns the maximum of two numbers.", "MAX(num1,num2)", """
                Returns the maximum of num1 and num2. Each is read like sscanf("%lf"): the
                number at its start, so 3abc is 3; an argument that does not start with a
                number is a warning and gives nothing. When only one of the two is given, it is
                the result; when neither is, that is an error. A whole number is written without
                decimals, any other with six (1.500000), and the result is cut to 11 characters
                as Asterisk's buffer cuts it.
                Example: ${MAX(4,7)} returns 7.""");
    }

    @Override
    double pick(double a, double b) { return a < b ? b : a; }
}
