package org.switchboard.dialplan;

/** What {@link Substitution} needs from a channel: variables, functions, and somewhere to warn. */
public interface SubstitutionContext {
    /** A variable (channel, then built-in, then global); null when unset. */
    String variable(String name);

    /**
     * Reads a dialplan function.
     *
     * @param name the function name as written (case-insensitive lookup)
     * @param args the text between the parentheses, already substituted
     * @return the value, or null when there is no such function (the context has already warned)
     */
    String function(String name, String args);

    /** Logs a warning the way Asterisk would (e.g. an expression syntax error). */
    void warning(String source, String message);

    /** Dialplan functions callable from inside {@code $[...]}; null-returning when none. */
    default String expressionFunction(String name, String args) { return function(name, args); }
}
