package org.switchboard.dialplan;

/** {@code include => context[,times,weekdays,mdays,months[,tz]]}: active only while its time matches. */
public record Include(String context, TimeSpec time, String text, String file, int line) {
    public boolean activeNow() {
        return time == null || time.matches(java.time.ZonedDateTime.now());
    }
}
