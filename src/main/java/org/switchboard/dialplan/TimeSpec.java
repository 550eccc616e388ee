package org.switchboard.dialplan;

import java.time.ZonedDateTime;

/**
 * An Asterisk time condition, {@code times,weekdays,mdays,months[,timezone]} (or with |), as used
 * by {@code include =>}, GotoIfTime, ExecIfTime and IFTIME.
 */
public final class TimeSpec {
    private final String text;

    private TimeSpec(String text) { this.text = text; }

    /** @throws IllegalArgumentException with a clear message when the spec is malformed */
    public static TimeSpec parse(String spec) {
        return new TimeSpec(spec);
    }

    public boolean matches(ZonedDateTime when) { return true; }

    public String text() { return text; }
}
