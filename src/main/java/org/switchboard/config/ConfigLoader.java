package org.switchboard.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one file and what it includes into one set of sections, as Asterisk's config.c builds one
 * {@code ast_config}: sections from included files join the same list, templates can be inherited
 * across files, and an included file's first lines belong to the section open where it was included.
 */
final class ConfigLoader {
    /** Asterisk's MAX_INCLUDE_LEVEL: the file asked for, then at most 10 levels of #include. */
    static final int MAX_INCLUDE_DEPTH = 10;

    private final ConfigSource source;
    private final List<SectionBuilder> sections = new ArrayList<>();
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<String> stackKeys = new ArrayList<>();
    private final List<String> stackNames = new ArrayList<>();
    /** Every file read through #include / #tryinclude, in the order read. */
    private final List<String> included = new ArrayList<>();
    /** The section most recently opened or appended to, in any file (Asterisk's cfg->current). */
    private SectionBuilder current;

    ConfigLoader(ConfigSource source) {
        this.source = source;
    }

    /** Reads the named file and its includes. */
    Config load(String fileName) {
        String text;
        try {
            text = source.read(fileName);
        } catch (IOException | RuntimeException e) {
            problem(fileName, 0, "cannot read " + fileName + ": " + reason(e));
            return build(fileName);
        }
        return parse(fileName, text);
    }

    /** Parses text already read as the named file, reading its includes. */
    Config parse(String fileName, String text) {
        parseFile(fileName, source.key(fileName), text);
        return build(fileName);
    }

    private void parseFile(String name, String key, String text) {
        stackKeys.add(key);
        stackNames.add(name);
        try {
            new ConfigFileParser(this, name).parse(text);
        } finally {
            stackKeys.remove(stackKeys.size() - 1);
            stackNames.remove(stackNames.size() - 1);
        }
    }

    /**
     * Carries out {@code #include} / {@code #tryinclude}: every file the pattern names, in sorted
     * order. A missing file is a problem for #include, and nothing for #tryinclude.
     */
    void include(String directive, String pattern, boolean tryOnly, String fromFile, int fromLine) {
        List<String> files = source.expand(pattern);
        if (files.isEmpty()) {
            if (!tryOnly) {
                problem(fromFile, fromLine, directive + " '" + pattern + "': "
                        + (ConfigSource.isGlob(pattern) ? "no file matches" : "no such file"));
            }
            return;
        }
        if (stackKeys.size() > MAX_INCLUDE_DEPTH) {
            problem(fromFile, fromLine, directive + " '" + pattern + "': more than "
                    + MAX_INCLUDE_DEPTH + " levels of nested #include");
            return;
        }
        for (String file : files) {
            String key = source.key(file);
            int at = stackKeys.indexOf(key);
            if (at >= 0) {
                List<String> cycle = new ArrayList<>(stackNames.subList(at, stackNames.size()));
                cycle.add(file);
                problem(fromFile, fromLine, directive + " loop: " + String.join(" -> ", cycle));
                continue;
            }
            String text;
            try {
                text = source.read(file);
            } catch (IOException | RuntimeException e) {
                problem(fromFile, fromLine, "cannot read " + file + ": " + reason(e));
                continue;
            }
            included.add(file);
            parseFile(file, key, text);
        }
    }

    /** The first section read so far with this name (case-insensitive); templates only if asked. */
    SectionBuilder find(String name, boolean templatesToo) {
        for (SectionBuilder s : sections) {
            if (s.name.equalsIgnoreCase(name) && (templatesToo || !s.template)) {
                return s;
            }
        }
        return null;
    }

    /** Adds a newly opened section, which becomes the current one. */
    void add(SectionBuilder section) {
        sections.add(section);
        current = section;
    }

    SectionBuilder current() {
        return current;
    }

    void setCurrent(SectionBuilder section) {
        current = section;
    }

    void problem(String file, int line, String message) {
        problems.add(new ConfigProblem(file, line, message));
    }

    private Config build(String fileName) {
        List<ConfigSection> built = new ArrayList<>(sections.size());
        for (SectionBuilder s : sections) {
            built.add(s.build());
        }
        return new Config(fileName, built, problems, included);
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
