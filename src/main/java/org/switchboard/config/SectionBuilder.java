package org.switchboard.config;

import java.util.ArrayList;
import java.util.List;

/** A section while it is being read: mutable, since {@code (+)} and {@code +=} change it later. */
final class SectionBuilder {
    final String name;
    final String file;
    final int line;
    boolean template;
    final List<String> templates = new ArrayList<>();
    final List<ConfigEntry> entries = new ArrayList<>();

    SectionBuilder(String name, String file, int line) {
        this.name = name;
        this.file = file;
        this.line = line;
    }

    ConfigSection build() {
        return new ConfigSection(name, file, line, template, templates, entries);
    }
}
