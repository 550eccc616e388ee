package org.switchboard.channels.sip.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The header fields of a message, in order, one entry per value: comma-joined lines of list
 * headers are split (RFC 3261 §7.3.1) and compact names are expanded (§7.3.3). Names compare
 * case-insensitively. Immutable; parsed forms of values (Via, CSeq, ...) are cached on first use.
 */
public final class Headers {
    public static final Headers EMPTY = new Headers(new String[0], new String[0], 0);

    private final String[] names;
    private final String[] values;
    private final int size;
    private final Object[] parsed;

    private Headers(String[] names, String[] values, int size) {
        this.names = names;
        this.values = values;
        this.size = size;
        this.parsed = new Object[size];
    }

    public static Builder builder() { return new Builder(16); }

    public Builder toBuilder() {
        Builder b = new Builder(size + 4);
        System.arraycopy(names, 0, b.names, 0, size);
        System.arraycopy(values, 0, b.values, 0, size);
        b.size = size;
        return b;
    }

    public int size() { return size; }
    public String name(int i) { return names[i]; }
    public String value(int i) { return values[i]; }

    private static boolean same(String a, String canonicalName) {
        return a == canonicalName || a.equalsIgnoreCase(canonicalName);
    }

    private int indexOf(String canonicalName) {
        for (int i = 0; i < size; i++) if (same(names[i], canonicalName)) return i;
        return -1;
    }

    public boolean contains(String name) { return indexOf(HeaderNames.canonical(name)) >= 0; }

    /** The first value of {@code name} (any spelling or compact form), or null. */
    public String get(String name) {
        int i = indexOf(HeaderNames.canonical(name));
        return i < 0 ? null : values[i];
    }

    /** Every value of {@code name}, in order. */
    public List<String> getAll(String name) {
        String c = HeaderNames.canonical(name);
        List<String> out = null;
        for (int i = 0; i < size; i++) {
            if (same(names[i], c)) {
                if (out == null) out = new ArrayList<>(2);
                out.add(values[i]);
            }
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    public int count(String name) {
        String c = HeaderNames.canonical(name);
        int n = 0;
        for (int i = 0; i < size; i++) if (same(names[i], c)) n++;
        return n;
    }

    /**
     * The first value of {@code name} parsed with {@code parser}, cached; null when absent.
     * The parser may throw IllegalArgumentException on a malformed value.
     */
    @SuppressWarnings("unchecked")
    public <T> T first(String name, Function<String, T> parser) {
        int i = indexOf(HeaderNames.canonical(name));
        if (i < 0) return null;
        Object p = parsed[i];
        if (p == null) parsed[i] = p = parser.apply(values[i]);
        return (T) p;
    }

    /** Every value of {@code name} parsed with {@code parser} (each cached). */
    @SuppressWarnings("unchecked")
    public <T> List<T> all(String name, Function<String, T> parser) {
        String c = HeaderNames.canonical(name);
        List<T> out = new ArrayList<>(2);
        for (int i = 0; i < size; i++) {
            if (same(names[i], c)) {
                Object p = parsed[i];
                if (p == null) parsed[i] = p = parser.apply(values[i]);
                out.add((T) p);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The value at {@code i} parsed with {@code parser}, cached. */
    @SuppressWarnings("unchecked")
    <T> T parsedAt(int i, Function<String, T> parser) {
        Object p = parsed[i];
        if (p == null) parsed[i] = p = parser.apply(values[i]);
        return (T) p;
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Headers h) || h.size != size) return false;
        for (int i = 0; i < size; i++) {
            if (!names[i].equalsIgnoreCase(h.names[i]) || !values[i].equals(h.values[i])) return false;
        }
        return true;
    }

    @Override public int hashCode() { return Arrays.hashCode(Arrays.copyOf(values, size)); }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) sb.append(names[i]).append(": ").append(values[i]).append("\r\n");
        return sb.toString();
    }

    /** Collects header values in order; not thread-safe. */
    public static final class Builder {
        private String[] names;
        private String[] values;
        private int size;

        private Builder(int capacity) {
            names = new String[capacity];
            values = new String[capacity];
        }

        public int size() { return size; }

        /** Appends one value; the name is canonicalised, a list header's value is split at commas. */
        public Builder add(String name, String value) {
            String c = HeaderNames.canonical(name);
            value = clean(value);
            if (HeaderNames.isList(c) && value.indexOf(',') >= 0) Text.splitCommas(value, v -> addRaw(c, v));
            else addRaw(c, value);
            return this;
        }

        /** Appends a list header's whole value on one line ({@code Allow: INVITE, ACK}), as written. */
        public Builder addLine(String name, String value) { return addRaw(HeaderNames.canonical(name), clean(value)); }

        Builder addRaw(String canonicalName, String value) {
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2 + 1);
                values = Arrays.copyOf(values, size * 2 + 1);
            }
            names[size] = canonicalName;
            values[size++] = value;
            return this;
        }

        /** Inserts a value before all others (a proxy's Via, a Record-Route). */
        public Builder addFirst(String name, String value) {
            value = clean(value);
            addRaw(HeaderNames.canonical(name), value);
            System.arraycopy(names, 0, names, 1, size - 1);
            System.arraycopy(values, 0, values, 1, size - 1);
            names[0] = HeaderNames.canonical(name);
            values[0] = value;
            return this;
        }

        public Builder remove(String name) {
            String c = HeaderNames.canonical(name);
            int k = 0;
            for (int i = 0; i < size; i++) {
                if (same(names[i], c)) continue;
                names[k] = names[i];
                values[k++] = values[i];
            }
            Arrays.fill(names, k, size, null);
            Arrays.fill(values, k, size, null);
            size = k;
            return this;
        }

        /** Replaces every value of {@code name} by one value, kept at the first one's position. */
        public Builder set(String name, String value) {
            String c = HeaderNames.canonical(name);
            value = clean(value);
            int first = -1;
            int k = 0;
            for (int i = 0; i < size; i++) {
                if (same(names[i], c)) {
                    if (first >= 0) continue;
                    first = k;
                    values[i] = value;
                }
                names[k] = names[i];
                values[k++] = values[i];
            }
            Arrays.fill(names, k, size, null);
            Arrays.fill(values, k, size, null);
            size = k;
            return first >= 0 ? this : addRaw(c, value);
        }

        /** CR and LF would end the header line and let a value forge headers: they become spaces. */
        private static String clean(String value) {
            if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) return value;
            return value.replace('\r', ' ').replace('\n', ' ');
        }

        public Headers build() {
            return new Headers(Arrays.copyOf(names, size), Arrays.copyOf(values, size), size);
        }
    }
}
