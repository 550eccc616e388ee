package org.switchboard.funcs;

import java.time.Clock;
import java.time.ZonedDateTime;
import org.switchboard.core.Channel;
import org.switchboard.dialplan.TimeSpec;

/** IFTIME(timespec?true:false): one of two texts by the time of day (func_logic). */
public final class IfTimeFunction extends BaseFunction {
    private final Clock clock;

    public IfTimeFunction() { this(Clock.systemDefaultZone()); }

    /** For tests: the clock that says what "now" is. */
    public IfTimeFunction(Clock clock) {
        super("IFTIME", "func_logic",
                "Chooses between two texts by the current time.",
                "IFTIME(times,weekdays,mdays,months[,timezone]?[true][:false])",
                "Returns the text after '?' when the current time falls inside the time specification, else the text "
                        + "after ':'; either may be left out (an empty result), but not both. The time specification "
                        + "is the one of GotoIfTime and include =>: times HH:MM-HH:MM (both ends included, to the "
                        + "minute), weekdays sun-sat, days of the month 1-31, months jan-dec, each '*' for any, a "
                        + "range that may wrap (fri-mon, 22:00-06:00) or a list joined with '&', and an optional "
                        + "time zone such as Europe/Berlin; '|' may separate the fields instead of ','. Enclosing "
                        + "double quotes around the whole argument and around each branch are removed. A malformed "
                        + "time specification is logged and gives an empty result.");
        this.clock = clock;
    }

    @Override
    public String read(Channel channel, String args) {
        String data = FuncArgs.stripQuoted(FuncArgs.orEmpty(args));
        int q = data.indexOf('?');
        String expr = q < 0 ? data : data.substring(0, q);
        String ifTrue = null;
        String ifFalse = null;
        if (q >= 0) {
            String rest = data.substring(q + 1);
            int colon = rest.indexOf(':');
            ifTrue = colon < 0 ? rest : rest.substring(0, colon);
            ifFalse = colon < 0 ? null : rest.substring(colon + 1);
        }
        if (expr.isEmpty() || (ifTrue == null && ifFalse == null)) {
            warn("Syntax IFTIME(<timespec>?[<true>][:<false>])");
            return "";
        }
        TimeSpec spec;
        try {
            spec = TimeSpec.parse(expr);
        } catch (IllegalArgumentException e) {
            warn("Invalid Time Spec: " + e.getMessage());
            return "";
        }
        boolean now = spec.matches(ZonedDateTime.now(clock));
        return FuncArgs.orEmpty(FuncArgs.stripQuoted(now ? ifTrue : ifFalse));
    }
}
