package org.switchboard.dialplan.expr;

import java.util.List;

/**
 * A value of the expression language, mirroring {@code struct val} of Asterisk's
 * main/ast_expr2.y: a number (long double), a numeric string (digits and dots, not yet
 * converted) or a plain string. Mutable on purpose: Asterisk converts operands in place
 * ({@code to_number}, {@code to_string}) and those conversions are visible in results,
 * e.g. {@code $[01 | 0]} is {@code 1} while {@code $[01]} is {@code 01}.
 */
final class Value {
    enum Type { NUMBER, NUMERIC_STRING, STRING }

    Type type;
    /** Text of a string value; null for a numeric string whose conversion overflowed (freed in C). */
    String s;
    LongDouble n;

    private Value(Type type, String s, LongDouble n) {
        this.type = type;
        this.s = s;
        this.n = n;
    }

    static Value number(LongDouble n) {
        return new Value(Type.NUMBER, null, n);
    }

    static Value number(long n) {
        return number(LongDouble.of(n));
    }

    /** A scanner token: numbers are numeric strings, everything else strings (ast_expr2.fl). */
    static Value token(String text, boolean numeric) {
        return new Value(numeric ? Type.NUMERIC_STRING : Type.STRING, text, null);
    }

    /** make_str(): numeric string when non-empty and made only of digits and dots. */
    static Value makeStr(String s) {
        boolean numeric = !s.isEmpty();
        for (int i = 0; numeric && i < s.length(); i++) {
            char c = s.charAt(i);
            numeric = (c >= '0' && c <= '9') || c == '.';
        }
        return new Value(numeric ? Type.NUMERIC_STRING : Type.STRING, s, null);
    }

    /** to_number(): converts a numeric string in place; false for strings and on overflow. */
    boolean toNumber(List<String> warnings) {
        if (type == Type.NUMBER) return true;
        if (type == Type.STRING || s == null) return false;
        LongDoubleText.Parsed p = LongDoubleText.strtold(s);
        if (p.range()) {
            warnings.add("Conversion of " + s + " to number under/overflowed!");
            s = null;
            return false;
        }
        type = Type.NUMBER;
        n = p.value();
        s = null;
        return true;
    }

    /**
     * The long double an operand contributes when the C code reads {@code u.i} regardless of
     * whether to_number() succeeded. For a string that union holds a pointer, i.e. garbage;
     * we use 0 (documented choice).
     */
    LongDouble numberOrZero(List<String> warnings) {
        return toNumber(warnings) ? n : LongDouble.ZERO;
    }

    /** to_string(): numbers become (non-numeric) strings printed with %.18Lg. */
    void toStr() {
        if (type != Type.NUMBER) return;
        s = LongDoubleText.format(n);
        type = Type.STRING;
    }

    /** isstring(): true only for values that are not valid numbers. */
    boolean isString() {
        return type == Type.STRING;
    }

    /** is_zero_or_null(): converts numeric strings as a side effect. */
    boolean isZeroOrNull(List<String> warnings) {
        if (type == Type.NUMBER) return n.isZero();
        if (s == null) return false;
        return s.isEmpty() || (toNumber(warnings) && n.isZero());
    }

    /** strip_quotes(): when the text starts and ends with '"', every '"' is removed. */
    void stripQuotes() {
        if (type == Type.NUMBER || s == null || s.isEmpty()) return;
        if (s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            s = s.replace("\"", "");
        }
    }

    String text() {
        return s == null ? "" : s;
    }

    /** What ast_expr() writes into the result buffer. */
    String output() {
        return type == Type.NUMBER ? LongDoubleText.format(n) : text();
    }

    @Override
    public String toString() {
        return type + ":" + output();
    }
}
