package org.switchboard.dialplan.expr;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code NAME(args)} inside {@code $[...]}: op_func() of main/ast_expr2.y. Names must be made
 * of A-Z, 0-9 and '_'; the built-in math functions come first, anything else is read as a
 * dialplan function with the arguments joined by ',' (numbers printed with %.18Lg, strings
 * verbatim, quotes included). The result is a number when it only holds "-0123456789. \t"
 * (so an empty result is 0), a string otherwise. Unknown functions give 0 and an error.
 */
final class Functions {
    /** Asterisk reads the function into a 512-byte workspace. */
    private static final int WORKSPACE = 512;

    private Functions() {
    }

    static Value call(String name, List<Value> args, ExprFunctionCaller caller, List<String> w) {
        if (!isFunctionName(name)) {
            w.add("Error! '" + name + "' is not possibly a function name!");
            return Value.number(0);
        }
        if (MathFunctions.isMath(name)) {
            return MathFunctions.call(name, args, w);
        }
        StringBuilder argText = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) argText.append(',');
            argText.append(args.get(i).output());
        }
        String result = null;
        if (caller != null) {
            try {
                result = caller.call(name, argText.toString());
            } catch (RuntimeException e) {
                w.add("Error! Function '" + name + "' failed: " + e);
                return Value.number(0);
            }
        }
        if (result == null) {
            w.add("Hey! could not find func " + name + ".");
            w.add("Error! '" + name + "' doesn't appear to be an available function!");
            return Value.number(0);
        }
        result = workspace(result);
        if (isReallyNum(result)) {
            return Value.number(LongDoubleText.strtold(result).value());
        }
        return Value.makeStr(result);
    }

    /** strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789") == strlen(name). */
    static boolean isFunctionName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
        }
        return true;
    }

    /** is_really_num(): only minus signs, digits, dots, blanks and tabs (or nothing at all). */
    static boolean isReallyNum(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("-0123456789. \t".indexOf(s.charAt(i)) < 0) return false;
        }
        return true;
    }

    /** What fits in the C workspace: up to the first NUL and at most 511 bytes of UTF-8. */
    static String workspace(String s) {
        int nul = s.indexOf('\0');
        if (nul >= 0) s = s.substring(0, nul);
        if (s.length() * 3 < WORKSPACE) return s;
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length < WORKSPACE) return s;
        int end = WORKSPACE - 1;
        while (end > 0 && (b[end] & 0xC0) == 0x80) end--; // do not split a character
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }
}
