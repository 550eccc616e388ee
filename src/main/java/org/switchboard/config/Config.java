package org.switchboard.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A configuration file as read, with everything it includes; immutable. Built by {@link ConfigReader}.
 * Section names are matched ignoring case, as Asterisk does; a name may occur more than once.
 */
public final class Config {
    private final String file;
    private final List<ConfigSection> sections;
    private final List<ConfigProblem> problems;
    private final List<String> includes;

    Config(String file, List<ConfigSection> sections, List<ConfigProblem> problems, List<String> includes) {
        this.file = file;
        this.sections = List.copyOf(sections);
        this.problems = List.copyOf(problems);
        this.includes = List.copyOf(includes);
    }

    /** The files read through {@code #include}/{@code #tryinclude}, named as in {@link ConfigProblem#file()}. */
    public List<String> includes() {
        return includes;
    }

    /** The file that was asked for, as it was named. */
    public String file() {
        return file;
    }

    /** Every section in file order (included files' sections where the #include was), templates too. */
    public List<ConfigSection> sections() {
        return sections;
    }

    /** The first section that is not a template with this name (case-insensitive), or null. */
    public ConfigSection section(String name) {
        for (ConfigSection s : sections) {
            if (!s.isTemplate() && s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }

    /** Every section with this name (case-insensitive), in order, templates included. */
    public List<ConfigSection> sections(String name) {
        List<ConfigSection> found = new ArrayList<>();
        for (ConfigSection s : sections) {
            if (s.name().equalsIgnoreCase(name)) {
                found.add(s);
            }
        }
        return Collections.unmodifiableList(found);
    }

    /** Every problem found while reading, in the order found; empty when the file is clean. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return "Config[" + file + ": " + sections.size() + " sections, " + problems.size() + " problems]";
    }
}
