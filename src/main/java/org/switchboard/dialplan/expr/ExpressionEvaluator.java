package org.switchboard.dialplan.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates Asterisk dialplan expressions, the text inside {@code $[ ]} after {@code ${}}
 * substitution, with the results and log messages of Asterisk's ast_expr()
 * (main/ast_expr2.fl, main/ast_expr2.y). It never throws: every input, however broken,
 * yields a value (a syntax error yields "0", or the value of the complete expression before it).
 */
public final class ExpressionEvaluator {
    private ExpressionEvaluator() {
    }

    /** Evaluates without dialplan functions (the math functions are always available). */
    public static ExprResult evaluate(String expression) {
        return evaluate(expression, null);
    }

    public static ExprResult evaluate(String expression, ExprFunctionCaller functions) {
        return evaluateFully(expression, functions, true);
    }

    /** The full parser only (tests compare it with the fast path). */
    static ExprResult evaluateSlow(String expression) {
        return evaluateFully(expression, null, false);
    }

    private static ExprResult evaluateFully(String expression, ExprFunctionCaller functions, boolean allowFast) {
        String input = expression == null ? "" : expression;
        String fast = allowFast ? IntegerFastPath.tryEvaluate(input) : null;
        if (fast != null) return new ExprResult(fast, List.of());
        int nul = input.indexOf('\0');
        if (nul >= 0) input = input.substring(0, nul); // ast_expr() sees a C string
        List<String> warnings = new ArrayList<>();
        String value;
        try {
            List<Lexer.Token> tokens = Lexer.tokenize(input);
            value = run(input, tokens, warnings, functions); // iterative: any nesting, caller's thread
        } catch (RuntimeException | StackOverflowError e) {
            warnings.add("expression could not be evaluated: " + e);
            value = "0";
        }
        return new ExprResult(value, List.copyOf(warnings));
    }

    private static String run(String input, List<Lexer.Token> tokens, List<String> w, ExprFunctionCaller f) {
        Value v = new Parser(input, tokens, w, f).parse();
        return v == null ? "0" : v.output(); // ast_expr() writes "0" when the parse produced nothing
    }
}
