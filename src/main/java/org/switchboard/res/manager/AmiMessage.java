package org.switchboard.res.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One AMI message as read from a client: {@code Key: Value} lines up to a blank line, immutable.
 * A message that could not be read whole carries its {@link #problem()}; the session answers it
 * with {@code Response: Error} instead of running it.
 *
 * @param headers every header in the order sent; names keep their case, look-ups ignore it
 * @param problem null for a good message, else what was wrong, in words
 */
public record AmiMessage(List<Map.Entry<String, String>> headers, String problem) {
    public AmiMessage {
        headers = List.copyOf(headers);
    }

    public static AmiMessage of(String... keyValues) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) h.add(Map.entry(keyValues[i], keyValues[i + 1]));
        return new AmiMessage(h, null);
    }

    /** The first value of the header (ignoring case), or null. */
    public String get(String name) {
        for (Map.Entry<String, String> e : headers) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    /** Every value of the header (ignoring case), in order. */
    public List<String> getAll(String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : headers) {
            if (e.getKey().equalsIgnoreCase(name)) out.add(e.getValue());
        }
        return out;
    }

    /** The {@code Action} header, or null when it is missing or empty. */
    public String action() {
        String a = get("Action");
        return a == null || a.isBlank() ? null : a.trim();
    }

    /** The {@code ActionID} header, or null. */
    public String actionId() { return get("ActionID"); }

    public boolean isMalformed() { return problem != null; }

    /** Roughly what the message holds in memory, in characters: its keys, values and problem. */
    public long size() {
        long n = problem == null ? 0 : problem.length();
        for (Map.Entry<String, String> e : headers) n += e.getKey().length() + e.getValue().length() + 4;
        return n;
    }
}
