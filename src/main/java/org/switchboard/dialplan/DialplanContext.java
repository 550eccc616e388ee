package org.switchboard.dialplan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/** One {@code [context]}: its extensions in Asterisk's order, its includes, its ignore patterns. */
public final class DialplanContext {
    private final String name;
    private final String file;
    private final int line;
    // keyed by the pattern's ordering, so two spellings of one pattern land in one group (an alias)
    private final TreeMap<ExtensionPattern, ExtensionGroup> groups = new TreeMap<>();
    private final ExtensionIndex<ExtensionGroup> index = new ExtensionIndex<>();
    private final List<Include> includes = new ArrayList<>();
    private final List<ExtensionPattern> ignorePatterns = new ArrayList<>();

    DialplanContext(String name, String file, int line) {
        this.name = name;
        this.file = file;
        this.line = line;
    }

    public String name() { return name; }
    public String file() { return file; }
    public int line() { return line; }
    public List<Include> includes() { return includes; }
    public List<ExtensionPattern> ignorePatterns() { return ignorePatterns; }
    public Collection<ExtensionGroup> groups() { return groups.values(); }
    public ExtensionIndex<ExtensionGroup> index() { return index; }

    ExtensionGroup group(ExtensionPattern pattern, boolean create) {
        ExtensionGroup g = groups.get(pattern);
        if (g == null && create) {
            g = new ExtensionGroup(pattern);
            groups.put(pattern, g);
        }
        return g;
    }

    void freeze() {
        for (ExtensionGroup g : groups.values()) {
            g.variants().forEach(Extension::freeze);
            index.add(g.pattern(), g);
        }
    }

    public boolean ignores(String digits) {
        // ast_ignore_pattern: a full match, not a prefix
        for (ExtensionPattern p : ignorePatterns) if (p.matches(digits)) return true;
        return false;
    }
}
