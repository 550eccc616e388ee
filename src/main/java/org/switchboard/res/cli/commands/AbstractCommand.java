package org.switchboard.res.cli.commands;

import java.util.List;
import java.util.Locale;
import org.switchboard.core.BaseCliCommand;

/** What every console command has: its fixed words and its usage text, as Asterisk writes them. */
abstract class AbstractCommand extends BaseCliCommand {
    /** @param words the command as typed, e.g. {@code "core show channels"} */
    AbstractCommand(String words, String usage) {
        super(words, usage);
    }

    /** Asterisk's ESS(): {@code 1 active call}, {@code 2 active calls}. */
    static String plural(long n, String word) { return n + " " + word + (n == 1 ? "" : "s"); }

    /** Case-insensitive substring test, as strcasestr. */
    static boolean containsIgnoreCase(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    /** The candidates that start with the word being typed (the last of args), ignoring case. */
    static List<String> startingWith(List<String> args, List<String> choices) {
        String cur = args.isEmpty() ? "" : args.get(args.size() - 1);
        return choices.stream().filter(c -> c.regionMatches(true, 0, cur, 0, cur.length())).toList();
    }
}
