package org.switchboard.dialplan.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Evaluates Asterisk dialplan expressions, the text inside {@code $[ ]} after {@code ${}}
 * substitution, with the results and log messages of Asterisk's ast_expr()
 * (main/ast_expr2.fl, main/ast_expr2.y). It never throws: every input, however broken,
 * yields a value (a syntax error yields "0", or the value of the complete expression before it).
 */
public final class ExpressionEvaluator {
    /** Expressions nesting deeper than this are evaluated on a thread with a large stack. */
    private static final int INLINE_NESTING = 300;
    private static final long BIG_STACK = 256L * 1024 * 1024;

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
            value = nesting(tokens) <= INLINE_NESTING
                    ? run(input, tokens, warnings, functions)
                    : runWithLargeStack(input, tokens, warnings, functions);
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

    /** Tokens that open a nested construct (bounds the recursion depth of the parser). */
    private static int nesting(List<Lexer.Token> tokens) {
        int n = 0;
        for (Lexer.Token t : tokens) {
            switch (t.kind()) {
                case LP, MINUS, COMPL, COND -> n++;
                default -> { }
            }
        }
        return n;
    }

    private static String runWithLargeStack(String input, List<Lexer.Token> tokens, List<String> w,
                                            ExprFunctionCaller f) {
        AtomicReference<String> out = new AtomicReference<>("0");
        List<String> local = new ArrayList<>();
        Thread t = new Thread(null, () -> {
            try {
                out.set(run(input, tokens, local, f));
            } catch (RuntimeException | StackOverflowError e) {
                local.add("expression could not be evaluated: " + e);
            }
        }, "expr-deep", BIG_STACK);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        w.addAll(local);
        return out.get();
    }
}
