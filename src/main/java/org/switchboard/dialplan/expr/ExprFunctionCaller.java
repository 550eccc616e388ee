package org.switchboard.dialplan.expr;

/** Calls a dialplan function (e.g. LEN) from inside an expression, as {@code $[LEN(abc) + 1]}. */
@FunctionalInterface
public interface ExprFunctionCaller {
    /**
     * @param name the function name (only A-Z, 0-9 and '_' reach here)
     * @param args the arguments joined by ',' as Asterisk's compose_func_args() builds them
     * @return the function's result, or null when no such function exists
     */
    String call(String name, String args);
}
