package org.switchboard.config;

/**
 * Reads the lines of one file, following Asterisk's config.c: comments are removed first
 * ({@link CommentStripper}), then each remaining non-blank line is a {@code [section]} header,
 * a {@code #directive}, or a {@code key = value} / {@code key => value} / {@code key += more}
 * entry. Where Asterisk would refuse the whole file, a {@link ConfigProblem} is recorded instead and
 * reading goes on with the next line.
 */
final class ConfigFileParser {
    private final ConfigLoader loader;
    private final String file;
    /** The section this file's entries go to (Asterisk's per-file {@code cat}). */
    private SectionBuilder cat;
    private final CommentStripper comments = new CommentStripper();

    ConfigFileParser(ConfigLoader loader, String file) {
        this.loader = loader;
        this.file = file;
    }

    void parse(String text) {
        cat = loader.current();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String content = comments.strip(lines[i], i + 1);
            if (content != null) {
                String line = strip(content);
                if (!line.isEmpty()) {
                    processLine(line, i + 1);
                }
            }
        }
        if (comments.unclosedSince() > 0) {
            problem(comments.unclosedSince(), "block comment ';--' is never closed with '--;'");
        }
    }

    /** Trims what Asterisk's ast_strip trims: every character up to and including space. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) <= ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    private void processLine(String line, int lineNo) {
        switch (line.charAt(0)) {
            case '[' -> header(line, lineNo);
            case '#' -> directive(line, lineNo);
            default -> entry(line, lineNo);
        }
    }

    /** {@code [name]}, {@code [name](!)}, {@code [name](tpl1,tpl2)}, {@code [name](+)}, and mixes. */
    private void header(String line, int lineNo) {
        int close = line.indexOf(']');
        if (close < 0) {
            problem(lineNo, "missing ']' in section header '" + line + "'");
            discardUntilNextHeader(line.substring(1), lineNo);
            return;
        }
        String name = line.substring(1, close);
        String rest = line.substring(close + 1);
        String options = null;
        if (rest.startsWith("(")) {
            int end = rest.indexOf(')');
            if (end < 0) {
                problem(lineNo, "missing ')' in section header '" + line + "'");
                discardUntilNextHeader(name, lineNo);
                return;
            }
            options = rest.substring(1, end);
            rest = rest.substring(end + 1);
        }
        if (!strip(rest).isEmpty()) {
            problem(lineNo, "text after the section header is ignored: '" + strip(rest) + "'");
        }
        SectionBuilder fresh = new SectionBuilder(name, file, lineNo);
        SectionBuilder target = fresh;
        if (options != null) {
            for (String option : options.split(",", -1)) {   // not trimmed: Asterisk's strsep
                if (option.equals("!")) {
                    target.template = true;
                } else if (option.startsWith("+")) {
                    SectionBuilder existing = appendTarget(name, option, lineNo);
                    if (existing != null) {
                        if (target == fresh) {
                            existing.template |= fresh.template;
                            existing.entries.addAll(fresh.entries);
                            fresh = null;
                        }
                        target = existing;
                    }
                } else {
                    inherit(target, name, option, options, lineNo);
                }
            }
        }
        if (fresh != null) {
            loader.add(fresh);
        } else {
            loader.setCurrent(target);
        }
        cat = target;
    }

    private SectionBuilder appendTarget(String name, String option, int lineNo) {
        if (option.length() > 1) {
            problem(lineNo, "(+) with a filter is not supported: '" + option + "'; [" + name
                    + "] starts a new section");
            return null;
        }
        SectionBuilder existing = loader.find(name, false);
        if (existing == null) {
            problem(lineNo, "cannot append to [" + name + "] with (+): "
                    + (loader.find(name, true) != null
                            ? "it is a template, and (+) appends only to sections that are not"
                            : "no section of that name above this line")
                    + "; it starts a new section");
        }
        return existing;
    }

    private void inherit(SectionBuilder target, String name, String template, String options, int lineNo) {
        if (template.isEmpty()) {
            problem(lineNo, "empty template name in [" + name + "](" + options + ")");
            return;
        }
        SectionBuilder base = loader.find(template, true);
        if (base == null) {
            problem(lineNo, "unknown template '" + template + "' in [" + name
                    + "]: no section or template of that name above this line");
        } else if (base == target) {
            problem(lineNo, "[" + name + "] cannot inherit from itself");
        } else {
            target.templates.add(base.name);
            target.entries.addAll(base.entries);   // a copy as it stands now, as Asterisk does
        }
    }

    /** After a header too broken to name a section, its entries go nowhere (they are still checked). */
    private void discardUntilNextHeader(String name, int lineNo) {
        cat = new SectionBuilder(name, file, lineNo);
        loader.setCurrent(cat);
    }

    /** {@code #include}, {@code #tryinclude}, {@code #exec}. */
    private void directive(String line, int lineNo) {
        int i = 1;
        while (i < line.length() && line.charAt(i) > ' ') {
            i++;
        }
        String word = line.substring(1, i);
        String arg = strip(line.substring(i));
        boolean include = word.equalsIgnoreCase("include");
        boolean tryInclude = word.equalsIgnoreCase("tryinclude");
        if (!include && !tryInclude) {
            if (word.equalsIgnoreCase("exec")) {
                problem(lineNo, "#exec is disabled; not run: " + (arg.isEmpty() ? "(no command)" : arg));
            } else {
                problem(lineNo, "unknown directive '#" + word + "'");
            }
            return;
        }
        if (arg.isEmpty()) {
            problem(lineNo, "#" + word + " needs a file name");
            return;
        }
        if (arg.length() >= 2 && (arg.startsWith("\"") && arg.endsWith("\"")
                || arg.startsWith("<") && arg.endsWith(">"))) {
            arg = arg.substring(1, arg.length() - 1);
        }
        loader.include("#" + word, arg, tryInclude, file, lineNo);
    }

    /** {@code key = value}, {@code key => value}, {@code key += more}; {@code \x} escapes a first char. */
    private void entry(String line, int lineNo) {
        if (cat == null) {
            problem(lineNo, "line is outside any section: '" + line
                    + "' (a [section] header must come first)");
            return;
        }
        boolean escaped = line.charAt(0) == '\\';
        if (escaped && (line.length() < 2 || line.charAt(1) <= ' ')) {
            problem(lineNo, "invalid escape: '\\' at the start of '" + line
                    + "' must be followed by a character");
            return;
        }
        String cur = escaped ? line.substring(1) : line;
        int eq = cur.indexOf('=', escaped ? 1 : 0);
        if (eq < 0) {
            problem(lineNo, "no '=' in '" + line + "' (expected key = value)");
            return;
        }
        boolean plus = eq > (escaped ? 1 : 0) && cur.charAt(eq - 1) == '+';
        if (plus && appendValue(cur, eq)) {
            return;
        }
        boolean object = !plus && eq + 1 < cur.length() && cur.charAt(eq + 1) == '>';
        String key = strip(cur.substring(0, plus ? eq - 1 : eq));
        String value = strip(cur.substring(eq + (object ? 2 : 1)));
        if (key.isEmpty()) {
            problem(lineNo, "no key before '=' in '" + line + "'");
            return;
        }
        cat.entries.add(new ConfigEntry(key, value, object, file, lineNo));
    }

    /**
     * {@code key += more}: appends to the value of the last entry with exactly that key, in place
     * (Asterisk: the first entry with that key and value is updated). False if there is none.
     */
    private boolean appendValue(String cur, int eq) {
        String key = strip(cur.substring(0, eq - 1));
        ConfigEntry last = null;
        for (ConfigEntry e : cat.entries) {
            if (e.key().equals(key)) {
                last = e;
            }
        }
        if (last == null) {
            return false;
        }
        String value = strip(last.value() + cur.substring(eq + 1));
        for (int i = 0; i < cat.entries.size(); i++) {
            ConfigEntry e = cat.entries.get(i);
            if (e.key().equalsIgnoreCase(key) && e.value().equalsIgnoreCase(last.value())) {
                cat.entries.set(i, new ConfigEntry(e.key(), value, e.object(), e.file(), e.line()));
                break;
            }
        }
        return true;
    }

    private void problem(int lineNo, String message) {
        loader.problem(file, lineNo, message);
    }
}
