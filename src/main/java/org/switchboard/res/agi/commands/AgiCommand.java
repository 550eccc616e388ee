package org.switchboard.res.agi.commands;

import java.util.List;
import java.util.Locale;

/**
 * One AGI command: the words that name it ({@code GET FULL VARIABLE}), whether it may run on a
 * hung-up channel, its docs (the usage text is what a 520 answer carries) and its handler. The
 * handler gets the whole line split into words, command words included, so argument numbers are
 * those of Asterisk's docs.
 */
public record AgiCommand(List<String> words, boolean deadOk, String syntax, String synopsis, String usage, Handler handler) {
    public interface Handler {
        AgiResult run(AgiContext context, List<String> argv);
    }

    static AgiCommand of(String words, boolean deadOk, String syntax, String synopsis, String usage, Handler handler) {
        return new AgiCommand(List.of(words.toLowerCase(Locale.ROOT).split(" ")), deadOk, syntax, synopsis, usage, handler);
    }

    /** The command's name as Asterisk lists it ({@code get full variable}). */
    public String fullName() { return String.join(" ", words); }

    /** True when the first words of {@code argv} are this command's, ignoring case. */
    public boolean matches(List<String> argv) {
        if (argv.size() < words.size()) return false;
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).equalsIgnoreCase(argv.get(i))) return false;
        }
        return true;
    }
}
