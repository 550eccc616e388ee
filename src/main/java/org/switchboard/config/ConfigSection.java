package org.switchboard.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One {@code [section]} of a configuration file, immutable. Entries inherited from templates come
 * first, in the order the templates are named in the header, then the section's own entries in file
 * order (including those added later by {@code [name](+)}). Repeated keys are all kept.
 * Key look-ups ignore case, as Asterisk's do.
 */
public final class ConfigSection {
    private final String name;
    private final String file;
    private final int line;
    private final boolean template;
    private final List<String> templates;
    private final List<ConfigEntry> entries;

    ConfigSection(String name, String file, int line, boolean template,
            List<String> templates, List<ConfigEntry> entries) {
        this.name = Objects.requireNonNull(name, "name");
        this.file = file;
        this.line = line;
        this.template = template;
        this.templates = List.copyOf(templates);
        this.entries = List.copyOf(entries);
    }

    /** The name between the brackets, exactly as written (case kept). */
    public String name() {
        return name;
    }

    /** The file whose header line opened this section. */
    public String file() {
        return file;
    }

    /** The 1-based line of the header that opened this section. */
    public int line() {
        return line;
    }

    /** True for a template, {@code [name](!)}: not a section of its own, only inherited from. */
    public boolean isTemplate() {
        return template;
    }

    /** The sections and templates this one inherits from, {@code [name](tpl1,tpl2)}, in order. */
    public List<String> templates() {
        return templates;
    }

    /** Every entry: inherited ones first (in template order), then its own; repeated keys in order. */
    public List<ConfigEntry> entries() {
        return entries;
    }

    /** The last value given for {@code key} (case-insensitive), or null if the key is absent. */
    public String get(String key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            ConfigEntry e = entries.get(i);
            if (e.key().equalsIgnoreCase(key)) {
                return e.value();
            }
        }
        return null;
    }

    /** The last value given for {@code key} (case-insensitive), or {@code dflt} if the key is absent. */
    public String get(String key, String dflt) {
        String value = get(key);
        return value == null ? dflt : value;
    }

    /** Every value given for {@code key} (case-insensitive), in order; empty if none. */
    public List<String> getAll(String key) {
        List<String> values = new ArrayList<>();
        for (ConfigEntry e : entries) {
            if (e.key().equalsIgnoreCase(key)) {
                values.add(e.value());
            }
        }
        return Collections.unmodifiableList(values);
    }

    /** True if {@code key} (case-insensitive) is given at least once. */
    public boolean has(String key) {
        return get(key) != null;
    }

    @Override
    public String toString() {
        return "[" + name + "]" + (template ? "(!)" : "") + " " + file + ":" + line
                + " (" + entries.size() + " entries)";
    }
}
