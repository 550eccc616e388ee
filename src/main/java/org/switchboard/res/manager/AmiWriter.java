package org.switchboard.res.manager;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Renders responses and events in Asterisk's framing: {@code Key: Value\r\n} lines and a blank
 * line. No I/O. A value cannot break the framing: CR and LF inside it become spaces.
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
        sb.append(key).append(": ");
        String v = value == null ? "" : value.toString();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            sb.append(c == '\r' || c == '\n' ? ' ' : c);
        }
        sb.append("\r\n");
        return this;
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
