package org.switchboard.dialplan;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One extension of a context: its name (literal or pattern), an optional caller-ID match, and
 * its priorities. Built by the loader, then never changed (the dialplan is an immutable snapshot).
 */
public final class Extension {
    private final ExtensionPattern pattern;
    private final ExtensionPattern callerIdMatch;   // null: any caller
    private final String callerIdText;
    private final NavigableMap<Integer, Priority> priorities = new TreeMap<>();
    private final Map<String, Integer> labels = new java.util.HashMap<>();
    private Priority[] dense;   // priorities 1..n by index, for the hot path

    Extension(ExtensionPattern pattern, String callerIdText) {
        this.pattern = pattern;
        this.callerIdText = callerIdText;
        this.callerIdMatch = callerIdText == null ? null : ExtensionPattern.parse(callerIdText);
    }

    public ExtensionPattern pattern() { return pattern; }
    public String name() { return pattern.text(); }
    public String callerIdText() { return callerIdText; }

    public boolean matchesCallerId(String cidNum) {
        return callerIdMatch == null || callerIdMatch.matches(cidNum == null ? "" : cidNum);
    }

    /** Adds a priority; returns the one already there when the number is taken. */
    Priority add(Priority p) {
        Priority old = priorities.putIfAbsent(p.number(), p);
        if (old != null) return old;
        if (p.label() != null && !p.label().isEmpty()) labels.putIfAbsent(p.label(), p.number());
        return null;
    }

    void freeze() {
        int max = priorities.isEmpty() ? 0 : Math.max(0, priorities.lastKey());
        if (max <= 4096) {
            dense = new Priority[max + 1];
            priorities.forEach((k, v) -> { if (k > 0) dense[k] = v; });
        }
    }

    public Priority priority(int number) {
        Priority[] d = dense;
        if (d != null) return number > 0 && number < d.length ? d[number] : (number == Priority.HINT ? priorities.get(number) : null);
        return priorities.get(number);
    }

    public Integer labelPriority(String label) { return labels.get(label); }
    public NavigableMap<Integer, Priority> priorities() { return Collections.unmodifiableNavigableMap(priorities); }
    public Priority hint() { return priorities.get(Priority.HINT); }
    public int lastPriority() { return priorities.isEmpty() ? 0 : priorities.lastKey(); }
}
