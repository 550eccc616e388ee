package org.switchboard.funcs;

import java.util.Locale;
import org.switchboard.core.Channel;

/** MATH(number1 op number2[,type]): arithmetic and comparison of two numbers (func_math). */
public final class MathFunction extends BaseFunction {
    private enum Op { ADD, DIVIDE, MULTIPLY, SUBTRACT, MODULUS, POWER, SHIFT_LEFT, SHIFT_RIGHT, AND, XOR, OR, GT, LT, GE, LE, EQ }

    private enum Type { FLOAT, INT, HEX, CHAR }

    public MathFunction() {
        super("MATH", "func_math",
                "Computes with two numbers and an operator.",
                "MATH(number1 op number2[,type])",
                "Applies op to the two numbers. The operators are + - * / % ^ (power) << >> AND OR XOR, which give "
                        + "a number, and < > <= >= ==, which give TRUE or FALSE. Only one operator is allowed; the "
                        + "first number may start with a minus sign. type chooses how a number result is written: "
                        + "f or float (the default, six decimals: 3.000000), i or int (the fraction dropped), h or hex "
                        + "(lower-case hexadecimal of the whole part), c or char (the character with that code). "
                        + "As in Asterisk, dividing by zero or by a negative number gives 0, a remainder by zero "
                        + "gives 0, and %, <<, >>, AND, OR and XOR work on the whole parts. Example: "
                        + "Set(i=${MATH(123%16,int)}) sets i to 11.");
    }

    @Override
    public String read(Channel channel, String args) {
        if (FuncArgs.isEmpty(args)) {
            warn("Syntax: MATH(<number1><op><number 2>[,<type_of_result>]) - missing argument!");
            return "";
        }
        String[] a = FuncArgs.standard(args, 2);
        String expr = FuncArgs.orEmpty(a[0]);
        boolean negative = expr.startsWith("-");
        if (negative) expr = expr.substring(1);

        // SPEC: func_math.c math(): operators are looked for in this order; '-' last so "3--2" subtracts -2
        Op op = null;
        int at = -1;
        int width = 1;
        int i;
        if ((i = expr.indexOf('*')) >= 0) { op = Op.MULTIPLY; at = i; }
        else if ((i = expr.indexOf('/')) >= 0) { op = Op.DIVIDE; at = i; }
        else if ((i = expr.indexOf('%')) >= 0) { op = Op.MODULUS; at = i; }
        else if ((i = expr.indexOf('^')) >= 0) { op = Op.POWER; at = i; }
        else if ((i = expr.indexOf("AND")) >= 0) { op = Op.AND; at = i; width = 3; }
        else if ((i = expr.indexOf("XOR")) >= 0) { op = Op.XOR; at = i; width = 3; }
        else if ((i = expr.indexOf("OR")) >= 0) { op = Op.OR; at = i; width = 2; }
        else if ((i = expr.indexOf('>')) >= 0) {
            at = i;
            op = Op.GT;
            if (next(expr, i) == '=') { op = Op.GE; width = 2; }
            else if (next(expr, i) == '>') { op = Op.SHIFT_RIGHT; width = 2; }
        } else if ((i = expr.indexOf('<')) >= 0) {
            at = i;
            op = Op.LT;
            if (next(expr, i) == '=') { op = Op.LE; width = 2; }
            else if (next(expr, i) == '<') { op = Op.SHIFT_LEFT; width = 2; }
        } else if ((i = expr.indexOf('=')) >= 0) {
            if (next(expr, i) == '=') { op = Op.EQ; at = i; width = 2; }
            else expr = expr.substring(0, i);   // a lone '=' is no operator: there is no second number
        } else if ((i = expr.indexOf('+')) >= 0) { op = Op.ADD; at = i; }
        else if ((i = expr.indexOf('-')) >= 0) { op = Op.SUBTRACT; at = i; }

        Type type = Type.FLOAT;
        if (a[1] != null) {
            type = switch (a[1].toLowerCase(Locale.ROOT)) {
                case "f", "float" -> Type.FLOAT;
                case "i", "int" -> Type.INT;
                case "h", "hex" -> Type.HEX;
                case "c", "char" -> Type.CHAR;
                default -> null;
            };
            if (type == null) {
                warn("Unknown type of result requested '" + a[1] + "'.");
                return "";
            }
        }
        if (op == null) {
            warn("Supply all the parameters - just this once, please");
            return "";
        }
        String text1 = expr.substring(0, at);
        String text2 = expr.substring(at + width);
        Double n1 = FuncArgs.leadingDouble(text1);
        if (n1 == null) {
            warn("'" + text1 + "' is not a valid number");
            return "";
        }
        Double n2 = FuncArgs.leadingDouble(text2);
        if (n2 == null) {
            warn("'" + text2 + "' is not a valid number");
            return "";
        }
        double x = negative ? 0 - n1 : n1;
        double y = n2;
        double r;
        switch (op) {
            case ADD -> r = x + y;
            case SUBTRACT -> r = x - y;
            case MULTIPLY -> r = x * y;
            case DIVIDE -> r = y <= 0 ? 0 : x / y;
            case MODULUS -> r = (int) y == 0 ? 0 : (int) x % (int) y;
            case POWER -> r = Math.pow(x, y);
            case SHIFT_LEFT -> r = (int) x << (int) y;
            case SHIFT_RIGHT -> r = (int) x >> (int) y;
            case AND -> r = (int) x & (int) y;
            case XOR -> r = (int) x ^ (int) y;
            case OR -> r = (int) x | (int) y;
            case GT -> { return x > y ? "TRUE" : "FALSE"; }
            case LT -> { return x < y ? "TRUE" : "FALSE"; }
            case GE -> { return x >= y ? "TRUE" : "FALSE"; }
            case LE -> { return x <= y ? "TRUE" : "FALSE"; }
            case EQ -> { return x == y ? "TRUE" : "FALSE"; }
            default -> throw new AssertionError(op);
        }
        return format(r, type);
    }

    private static char next(String s, int i) { return i + 1 < s.length() ? s.charAt(i + 1) : '\0'; }

    /** printf's %f, %i, %x and %c of the result, as func_math.c writes it. */
    static String format(double r, Type type) {
        return switch (type) {
            case FLOAT -> {
                if (Double.isNaN(r)) yield "nan";
                if (Double.isInfinite(r)) yield r > 0 ? "inf" : "-inf";
                yield String.format(Locale.ROOT, "%f", r);
            }
            case INT -> Integer.toString((int) r);
            case HEX -> Integer.toHexString((int) (long) r);
            case CHAR -> {
                int code = ((int) (long) r) & 0xff;
                yield code == 0 ? "" : String.valueOf((char) code);
            }
        };
    }
}
