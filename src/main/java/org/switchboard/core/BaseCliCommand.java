package org.switchboard.core;

import java.util.List;

/** What every console command has: its fixed words and its usage text, as Asterisk writes them. */
public abstract class BaseCliCommand implements CliCommand {
    private final List<String> words;
    private final String usage;

    /** @param words the command as typed, e.g. {@code "core show channels"} */
    protected BaseCliCommand(String words, String usage) {
        this.words = List.of(words.split(" "));
        this.usage = usage;
    }

    @Override public final List<String> words() { return words; }
    @Override public final String usage() { return usage; }
}
