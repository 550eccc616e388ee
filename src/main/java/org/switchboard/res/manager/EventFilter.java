package org.switchboard.res.manager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A session's event filters (manager.conf {@code eventfilter}, the {@code Filter} action): regular
 * expressions searched in the rendered event text. As manager.c's match_filter: no filters pass
 * everything; only includes pass what one of them matches; only excludes ({@code !regex}) pass
 * what none of them matches; both: an include must match and no exclude may. A filter too complex
 * for an event ({@link BoundedMatch}) does not pass it.
 */
public final class EventFilter {
    private final List<Pattern> includes = new CopyOnWriteArrayList<>();
    private final List<Pattern> excludes = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean gaveUp = new java.util.concurrent.atomic.AtomicBoolean();

    /** @return null when added, else why the expression does not compile */
    public String add(String filter) {
        boolean exclude = filter.startsWith("!");
        String re = exclude ? filter.substring(1) : filter;
        try {
            (exclude ? excludes : includes).add(Pattern.compile(re));
            return null;
        } catch (PatternSyntaxException e) {
            return e.getDescription();
        }
    }

    /** @return null when the filter compiles, else why not */
    public static String check(String filter) {
        try {
            Pattern.compile(filter.startsWith("!") ? filter.substring(1) : filter);
            return null;
        } catch (PatternSyntaxException e) {
            return "'" + filter + "' does not compile: " + e.getDescription();
        }
    }

    public boolean isEmpty() { return includes.isEmpty() && excludes.isEmpty(); }

    public boolean passes(CharSequence eventText) {
        if (includes.isEmpty() && excludes.isEmpty()) return true;
        try {
            if (!includes.isEmpty()) {
                boolean any = false;
                for (Pattern p : includes) if (BoundedMatch.find(p, eventText)) { any = true; break; }
                if (!any) return false;
            }
            for (Pattern p : excludes) if (BoundedMatch.find(p, eventText)) return false;
            return true;
        } catch (BoundedMatch.TooComplex e) {
            gaveUp.set(true);
            return false;
        }
    }

    /** True once after a filter gave up on an event (the caller says so in the log). */
    public boolean tookTooLong() { return gaveUp.getAndSet(false); }
}
