package org.switchboard.dialplan;

/**
 * A dialplan location written {@code [[context,]extension,]priority}, split the way Asterisk's
 * pbx_parse_location does for Goto, Gosub and EVAL_EXTEN: one part is a priority, two are
 * extension and priority, three are all of them; anything after a third comma is ignored (strsep).
 * A priority written {@code +N} or {@code -N} is relative: the sign goes to {@link #direction}.
 * Absent parts are null; the caller decides what they default to.
 *
 * @param priority  the priority text without its sign: a number or a label
 * @param direction +1 or -1 for a relative priority, 0 for an absolute one
 */
public record DialplanLocation(String context, String exten, String priority, int direction) {
    public static DialplanLocation parse(String text) {
        String[] parts = text.split(",", -1);
        String context = null, exten = null, priority;
        if (parts.length == 1) {
            priority = parts[0];
        } else if (parts.length == 2) {
            exten = parts[0];
            priority = parts[1];
        } else {
            context = parts[0];
            exten = parts[1];
            priority = parts[2];
        }
        int direction = 0;
        if (priority.startsWith("+")) direction = 1;
        else if (priority.startsWith("-")) direction = -1;
        return new DialplanLocation(context, exten, direction == 0 ? priority : priority.substring(1), direction);
    }
}
