package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** IF(expr?true:false): one of two texts by a condition (func_logic). */
public final class IfFunction extends BaseFunction {
    public IfFunction() {
        super("IF", "func_logic",
                "Chooses between two texts by a condition.",
                "IF(expression?[true][:false])",
                "Returns the text after '?' when expression is true, else the text after ':'. The expression is "
                        + "usually $[...], evaluated before IF sees it; it is false when empty or when it starts with a "
                        + "number that is zero (0, 00, 0.5, 0abc), and true otherwise, any other text included. Either "
                        + "branch may be left out and then gives an empty result, but at least one of them must be "
                        + "written: IF(${X}?yes) and IF(${X}?:no) are fine, IF(${X}) is not. Blanks around the "
                        + "expression and the branches are removed. Splitting on '?' and ':' skips text inside "
                        + "parentheses, brackets and double quotes; the double quotes and backslashes of the expression "
                        + "and of the true branch are removed, those of the false branch are kept as written.");
    }

    @Override
    public String read(Channel channel, String args) {
        String[] first = FuncArgs.separate(args, '?', true, 2);
        String[] branches = FuncArgs.separate(first[1], ':', true, 2);
        String expr = first[0];
        String ifTrue = branches[0];
        String ifFalse = branches[1];
        if (FuncArgs.isEmpty(expr) || (ifTrue == null && ifFalse == null)) {
            warn("Syntax IF(<expr>?[<true>][:<false>])  (expr must be non-null, and either <true> or <false> must be non-null)");
            warn("      In this case, <expr>='" + shown(expr) + "', <true>='" + shown(ifTrue) + "', and <false>='"
                    + shown(ifFalse) + "'");
            return "";
        }
        return FuncArgs.isTrue(FuncArgs.strip(expr))
                ? FuncArgs.orEmpty(FuncArgs.strip(ifTrue))
                : FuncArgs.orEmpty(FuncArgs.strip(ifFalse));
    }

    /** How C's printf shows a missing string. */
    private static String shown(String s) { return s == null ? "(null)" : s; }
}
