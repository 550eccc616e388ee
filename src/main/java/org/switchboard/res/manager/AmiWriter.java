package org.switchboard.res.manager;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Renders responses and events in Asterisk's framing: {@code Key: Value\r\n} lines and a blank
 * line. No I/O. Neither a key nor a value can break the framing, whoever sent it (an ActionID, a
 * UserEvent header, an Originate variable reach other clients): every control character in it (CR,
 * LF, NUL, ESC, the other C0 and C1 controls, DEL) and the Unicode line and paragraph separators
 * become spaces, so a client whose reader splits lines on a bare CR (Java's readLine) or on U+2028
 * cannot be handed a forged header or message either. Tabs stay.
 */
public final class AmiWriter {
    private final StringBuilder sb = new StringBuilder(256);

    /** {@code Response: kind}, ActionID, EventList, Message (each when not null), then fields. */
    public static String response(String kind, String actionId, String eventList, String message, Map<String, ?> fields) {
        AmiWriter w = new AmiWriter().line("Response", kind);
        if (actionId != null && !actionId.isEmpty()) w.line("ActionID", actionId);
        if (eventList != null) w.line("EventList", eventList);
        if (message != null) w.line("Message", message);
        return w.fields(fields).end();
    }

    /** {@code Event: name}, then the optional Privilege and ActionID, then fields. */
    public static String event(String name, String privilege, String actionId, Map<String, ?> fields) {
        AmiWriter w = new AmiWriter().line("Event", name);
        if (privilege != null) w.line("Privilege", privilege);
        if (actionId != null && !actionId.isEmpty()) w.line("ActionID", actionId);
        return w.fields(fields).end();
    }

    public AmiWriter line(String key, Object value) {
        append(key);
        sb.append(": ");
        append(value == null ? "" : value.toString());
        sb.append("\r\n");
        return this;
    }

    private void append(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(breaksFraming(c) ? ' ' : c);
        }
    }

    /** True for the characters {@link #line} replaces: controls but the tab, and U+2028/U+2029. */
    static boolean breaksFraming(char c) {
        if (c == '\t') return false;
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }

    public AmiWriter fields(Map<String, ?> fields) {
        if (fields == null) return this;
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (e.getValue() instanceof List<?> list) {
                for (Object o : list) line(e.getKey(), o);
            } else {
                line(e.getKey(), e.getValue());
            }
        }
        return this;
    }

    /** The message with its terminating blank line. */
    public String end() { return sb.append("\r\n").toString(); }

    /** The lines so far, without the terminating blank line. */
    public String partial() { return sb.toString(); }

    public static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
