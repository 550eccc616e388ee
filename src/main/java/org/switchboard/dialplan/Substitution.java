package org.switchboard.dialplan;

/** Placeholder until the substitution engine lands. */
public final class Substitution {
    private Substitution() {}

    public static String substitute(String text, SubstitutionContext ctx) { return text; }
}
