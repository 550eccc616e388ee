package org.switchboard.dialplan.expr;

/**
 * The outcome of evaluating a {@code $[...]} expression.
 *
 * @param value    the text Asterisk would substitute for the expression (never null)
 * @param warnings what Asterisk would have logged while evaluating it (syntax errors,
 *                 "division by zero", "non-numeric argument", unknown functions ...), in order
 */
public record ExprResult(String value, java.util.List<String> warnings) {
}
