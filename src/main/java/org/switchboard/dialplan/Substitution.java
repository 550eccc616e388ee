package org.switchboard.dialplan;

import java.util.List;
import org.switchboard.core.HangupException;
import org.switchboard.dialplan.expr.ExprResult;
import org.switchboard.dialplan.expr.ExpressionEvaluator;

/**
 * Dialplan substitution: {@code ${VAR}}, {@code ${VAR:offset:length}}, {@code ${FUNC(args)}} and
 * {@code $[expression]}, with the same scanning rules as Asterisk 20's
 * {@code pbx_substitute_variables_helper_full} (main/pbx_variables.c):
 * <ul>
 *   <li>a {@code $} not followed by {@code {} or {@code [} is copied as it is; backslashes mean
 *       nothing here (they are the argument parser's business, not substitution's);</li>
 *   <li>inside {@code ${...}} every {@code {} opens and every {@code }} closes a level; a nested
 *       {@code $[} marks the inside for substitution but does not count; inside {@code $[...]} the
 *       same holds with square brackets;</li>
 *   <li>the inside is substituted first; then, outside parentheses, the first {@code :} starts
 *       {@code offset[:length]} (read the way {@code sscanf("%d:%d")} reads them), and a {@code (}
 *       before it makes the name a function call, split at the first {@code (} and the last
 *       {@code )};</li>
 *   <li>a missing {@code }} or {@code ]} takes the rest of the text and logs
 *       {@code Error in extension logic (missing '}')}, as Asterisk does.</li>
 * </ul>
 * One pass over the text with one {@link StringBuilder}; text without {@code $} is returned as
 * it is. Nesting (including re-entry through functions such as {@code EVAL}) is capped at
 * {@link #MAX_DEPTH} levels and one top-level substitution at {@link #MAX_EXPANSIONS} lookups, so
 * a self-referencing dialplan logs a warning instead of overflowing the stack.
 */
public final class Substitution {
    /** Levels of nested substitution (structural or through functions) before giving up. */
    public static final int MAX_DEPTH = 64;
    /** Variable, function and expression lookups one top-level substitution may make. */
    public static final int MAX_EXPANSIONS = 100_000;

    static final String SOURCE = "pbx_variables.c";

    private Substitution() {}

    /** Substitutes {@code text} for a channel; never null, never throws for what a dialplan writes. */
    public static String substitute(String text, SubstitutionContext ctx) {
        if (text == null) return "";
        int dollar = text.indexOf('$');
        if (dollar < 0) return text;
        SubstitutionState state = SubstitutionState.current();
        if (!state.enter(ctx)) return "";
        try {
            StringBuilder out = new StringBuilder(text.length() + 16);
            expand(text, 0, text.length(), dollar, ctx, out, state);
            return out.toString();
        } finally {
            state.leave();
        }
    }

    /** Appends the substitution of {@code s[from, to)} to {@code out}; {@code dollar} is the first '$' at or after from, or -1. */
    private static void expand(String s, int from, int to, int dollar, SubstitutionContext ctx,
                               StringBuilder out, SubstitutionState state) {
        int i = from;
        while (i < to) {
            int d = dollar >= i ? dollar : indexOf(s, '$', i, to);
            dollar = -1;
            if (d < 0) {
                out.append(s, i, to);
                return;
            }
            char next = d + 1 < to ? s.charAt(d + 1) : '\0';
            if (next == '{') {
                out.append(s, i, d);
                i = variable(s, d + 2, to, ctx, out, state);
            } else if (next == '[') {
                out.append(s, i, d);
                i = expression(s, d + 2, to, ctx, out, state);
            } else {
                out.append(s, i, d + 1);   // a lone '$' is text
                i = d + 1;
            }
        }
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == c) return k;
        }
        return -1;
    }

    /** Where a {@code ${...}} or {@code $[...]} ends: its text stops at end, scanning goes on at next. */
    private record Span(int end, int next, boolean needsSub) {}

    /**
     * Finds the closing {@code close} of a construct opened with {@code open}, as
     * pbx_substitute_variables_helper_full counts them: a nested {@code $} + same opener deepens
     * the count, any nested {@code ${} or {@code $[} means the inside is substituted first. An
     * unbalanced construct takes the rest of the text, with Asterisk's warning.
     */
    private static Span span(String s, int start, int to, char open, char close, SubstitutionContext ctx) {
        int depth = 1;
        boolean needsub = false;
        int j = start;
        while (depth > 0 && j < to) {
            char c = s.charAt(j);
            if (c == '$' && j + 1 < to && (s.charAt(j + 1) == '{' || s.charAt(j + 1) == '[')) {
                needsub = true;
                if (s.charAt(j + 1) == open) depth++;
                j++;
            } else if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
            }
            j++;
        }
        int end = j;
        if (depth > 0) {
            ctx.warning(SOURCE, "Error in extension logic (missing '" + close + "')");
        } else {
            end--;   // the closing character is not part of the text
        }
        return new Span(end, j, needsub);
    }

    /** {@code ${...}} starting after the brace; returns where scanning continues. */
    private static int variable(String s, int start, int to, SubstitutionContext ctx, StringBuilder out,
                                SubstitutionState state) {
        Span sp = span(s, start, to, '{', '}', ctx);
        int end = sp.end();
        int j = sp.next();
        boolean needsub = sp.needsSub();
        String name = needsub ? nested(s, start, end, ctx, state) : s.substring(start, end);
        if (name == null || !state.spend(ctx)) return j;
        lookup(name, ctx, out);
        return j;
    }

    /** {@code $[...]} starting after the bracket; returns where scanning continues. */
    private static int expression(String s, int start, int to, SubstitutionContext ctx, StringBuilder out,
                                  SubstitutionState state) {
        Span sp = span(s, start, to, '[', ']', ctx);
        int end = sp.end();
        int j = sp.next();
        boolean needsub = sp.needsSub();
        String expr = needsub ? nested(s, start, end, ctx, state) : s.substring(start, end);
        if (expr == null || !state.spend(ctx)) return j;
        ExprResult r;
        try {
            r = ExpressionEvaluator.evaluate(expr, ctx::expressionFunction);
        } catch (HangupException e) {
            throw e;
        } catch (RuntimeException e) {
            // an evaluator bug must not take the call down: log it as Asterisk logs a bad expression
            ctx.warning("ast_expr2.fl", "Failed to evaluate '" + expr + "': " + e);
            return j;
        }
        if (r == null) return j;
        List<String> warnings = r.warnings();
        if (warnings != null) {
            for (String w : warnings) ctx.warning("ast_expr2.fl", w);
        }
        if (r.value() != null) out.append(r.value());
        return j;
    }

    /** Substitutes the inside of a construct one level deeper; null when too deep. */
    private static String nested(String s, int start, int end, SubstitutionContext ctx, SubstitutionState state) {
        if (!state.enter(ctx)) return null;
        try {
            StringBuilder inner = new StringBuilder(end - start + 16);
            expand(s, start, end, -1, ctx, inner, state);
            return inner.toString();
        } finally {
            state.leave();
        }
    }

    /** Resolves a substituted name ({@code VAR}, {@code VAR:o:l}, {@code FUNC(args):o:l}) and appends its value. */
    private static void lookup(String name, SubstitutionContext ctx, StringBuilder out) {
        // parse_variable_name: the first ':' outside parentheses starts offset:length
        int parens = 0;
        boolean isFunction = false;
        int colon = -1;
        for (int k = 0, n = name.length(); k < n; k++) {
            char c = name.charAt(k);
            if (c == '(') {
                isFunction = true;
                parens++;
            } else if (c == ')') {
                parens--;
            } else if (c == ':' && parens == 0) {
                colon = k;
                break;
            }
        }
        String base = colon < 0 ? name : name.substring(0, colon);
        String value;
        if (isFunction) {
            int open = base.indexOf('(');
            int close = base.lastIndexOf(')');
            String fname = base.substring(0, open);
            String args;
            if (close > open) {
                args = base.substring(open + 1, close);
            } else {
                args = base.substring(open + 1);
                ctx.warning("pbx_functions.c", "Can't find trailing parenthesis for function '" + fname + "(" + args + "'?");
            }
            value = ctx.function(fname, args);
        } else {
            value = ctx.variable(base);
        }
        if (value == null) return;
        if (colon < 0) {
            out.append(value);
            return;
        }
        SubstitutionSlice.append(value, name, colon + 1, out);
    }
}
