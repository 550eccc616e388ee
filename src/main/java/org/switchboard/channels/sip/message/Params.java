package org.switchboard.channels.sip.message;

import java.util.Arrays;

/**
 * An ordered, immutable list of {@code ;name[=value]} parameters (RFC 3261 §25.1 generic-param,
 * uri-parameter). Names compare case-insensitively; a flag parameter ({@code ;lr}) has a null value.
 */
public final class Params {
    public static final Params EMPTY = new Params(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;

    private Params(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    public int size() { return names.length; }
    public String name(int i) { return names[i]; }
    public String value(int i) { return values[i]; }
    public boolean isEmpty() { return names.length == 0; }

    public boolean has(String name) { return indexOf(name) >= 0; }

    /** The value of {@code name}, or null when absent or a flag. */
    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equalsIgnoreCase(name)) return i;
        return -1;
    }

    /** A copy with {@code name} set to {@code value} (replacing, or appended); value null is a flag. */
    public Params with(String name, String value) {
        int i = indexOf(name);
        if (i >= 0) {
            String[] v = values.clone();
            v[i] = value;
            return new Params(names, v);
        }
        String[] n = Arrays.copyOf(names, names.length + 1);
        String[] v = Arrays.copyOf(values, values.length + 1);
        n[names.length] = name;
        v[names.length] = value;
        return new Params(n, v);
    }

    public Params without(String name) {
        int i = indexOf(name);
        if (i < 0) return this;
        String[] n = new String[names.length - 1];
        String[] v = new String[names.length - 1];
        for (int j = 0, k = 0; j < names.length; j++) {
            if (j == i) continue;
            n[k] = names[j];
            v[k++] = values[j];
        }
        return new Params(n, v);
    }

    /**
     * Parses {@code ;a=b;c} from {@code s[from..to)}, which must start at a ';' (or be empty).
     * Whitespace around ';' and '=' is allowed (RFC 3261 §25.1 SEMI, EQUAL carry LWS).
     * Values may be quoted strings, kept with their quotes.
     */
    static Params parse(String s, int from, int to) {
        if (from >= to) return EMPTY;
        String[] n = new String[4];
        String[] v = new String[4];
        int count = 0;
        int i = from;
        while (i < to) {
            i = Text.skipWs(s, i, to);
            if (i >= to) break;
            if (s.charAt(i) != ';') throw new IllegalArgumentException("expected ';' in parameters");
            i = Text.skipWs(s, i + 1, to);
            int ns = i;
            while (i < to && Text.isToken(s.charAt(i))) i++;
            if (i == ns) throw new IllegalArgumentException("empty parameter name");
            String name = s.substring(ns, i);
            String value = null;
            i = Text.skipWs(s, i, to);
            if (i < to && s.charAt(i) == '=') {
                i = Text.skipWs(s, i + 1, to);
                int vs = i;
                if (i < to && s.charAt(i) == '"') {
                    i = Text.endOfQuoted(s, i, to);
                } else {
                    // token, host (IPv6 reference) or escaped uri-param value
                    while (i < to && s.charAt(i) != ';' && s.charAt(i) != ' ' && s.charAt(i) != '\t'
                            && s.charAt(i) != ',') i++;
                }
                if (i == vs) throw new IllegalArgumentException("empty value for parameter " + name);
                value = s.substring(vs, i);
            }
            if (count == n.length) {
                n = Arrays.copyOf(n, count * 2);
                v = Arrays.copyOf(v, count * 2);
            }
            n[count] = name;
            v[count++] = value;
        }
        return count == 0 ? EMPTY : new Params(Arrays.copyOf(n, count), Arrays.copyOf(v, count));
    }

    void appendTo(StringBuilder sb) {
        for (int i = 0; i < names.length; i++) {
            sb.append(';').append(names[i]);
            if (values[i] != null) sb.append('=').append(values[i]);
        }
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb);
        return sb.toString();
    }

    @Override public boolean equals(Object o) {
        return o instanceof Params p && Arrays.equals(names, p.names) && Arrays.equals(values, p.values);
    }

    @Override public int hashCode() { return Arrays.hashCode(names) * 31 + Arrays.hashCode(values); }
}
