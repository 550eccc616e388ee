package org.switchboard.funcs;

/**
 * How MIN, MAX and ABS (func_math.c) write a number: {@code "%d"} when it is a whole number
 * that fits a C int, else {@code "%f"} (six decimals, nan and inf as glibc writes them), cut to
 * the 11 characters of the functions' 12-byte buffer ({@code read_max = 12}).
 */
final class MathResult {
    private static final int READ_MAX = 12;

    private MathResult() {}

    static String format(double v) {
        String s = (int) v == v ? Integer.toString((int) v)
                : SprintfFunction.formatDouble(new SprintfFunction.Spec("%f"), v);
        return s.length() < READ_MAX ? s : s.substring(0, READ_MAX - 1);
    }

    /** {@code sscanf("%30lf")} of an argument: its leading number, or null. */
    static Double number(String s) {
        return s == null ? null : FuncArgs.leadingDouble(s.length() > 30 ? s.substring(0, 30) : s);
    }
}
