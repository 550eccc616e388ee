package org.switchboard.dialplan;

/**
 * Per-thread guard against runaway substitution: how deep the current substitution is nested
 * (inner {@code ${...}} and re-entry through functions like {@code EVAL} alike), and how many
 * lookups the outermost one has made. A dialplan that refers to itself gets one warning and an
 * empty piece of text, never a StackOverflowError.
 */
final class SubstitutionState {
    private static final ThreadLocal<SubstitutionState> CURRENT = ThreadLocal.withInitial(SubstitutionState::new);

    private int depth;
    private int expansions;
    private boolean warnedDepth;
    private boolean warnedExpansions;

    static SubstitutionState current() { return CURRENT.get(); }

    /** Enters one level; false (after warning once) when that would exceed {@link Substitution#MAX_DEPTH}. */
    boolean enter(SubstitutionContext ctx) {
        if (depth == 0) {
            expansions = 0;
            warnedDepth = false;
            warnedExpansions = false;
        }
        if (depth >= Substitution.MAX_DEPTH) {
            if (!warnedDepth) {
                warnedDepth = true;
                ctx.warning(Substitution.SOURCE, "Substitution nested more than " + Substitution.MAX_DEPTH
                        + " levels deep (a variable or EVAL that refers to itself?); leaving that part out");
            }
            return false;
        }
        depth++;
        return true;
    }

    void leave() { depth--; }

    /** Counts one lookup; false (after warning once) when the outermost substitution has made too many. */
    boolean spend(SubstitutionContext ctx) {
        if (++expansions <= Substitution.MAX_EXPANSIONS) return true;
        if (!warnedExpansions) {
            warnedExpansions = true;
            ctx.warning(Substitution.SOURCE, "Substitution made more than " + Substitution.MAX_EXPANSIONS
                    + " lookups (a self-expanding EVAL?); leaving the rest out");
        }
        return false;
    }
}
