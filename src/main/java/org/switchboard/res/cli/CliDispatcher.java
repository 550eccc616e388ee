package org.switchboard.res.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * Runs a typed console line against the registered {@link CliCommand}s, as Asterisk's
 * {@code ast_cli_command} does: the line is split into words ({@code "..."} groups, {@code \}
 * escapes), the command whose {@link CliCommand#words()} are the longest case-insensitive prefix
 * of the typed words runs with the rest as its arguments, and a command that returns false gets
 * its usage printed. Also completes a partly typed line for the remote console.
 */
public final class CliDispatcher {
    /** What became of a line. */
    public enum Outcome { OK, USAGE, NO_SUCH_COMMAND, FAILED, EMPTY }

    /** A command found for typed words, with the words that follow its own. */
    public record Match(CliCommand command, List<String> args) {}

    private final Pbx pbx;
    private final Supplier<List<CliCommand>> commands;

    /** Dispatches to the commands the PBX's modules registered. */
    public CliDispatcher(Pbx pbx) { this(pbx, pbx.modules()::cliCommands); }

    /** Dispatches to the given commands (tests, embedders with commands of their own). */
    public CliDispatcher(Pbx pbx, Supplier<List<CliCommand>> commands) {
        this.pbx = pbx;
        this.commands = commands;
    }

    public Pbx pbx() { return pbx; }

    /** Runs one line; everything the admin should see goes to {@code out}, what it logs to this PBX's log. */
    public Outcome execute(String line, PrintWriter out) {
        try (PbxLog.Binding b = PbxLog.bind(pbx.log())) {
            return run(line, out);
        }
    }

    private Outcome run(String line, PrintWriter out) {
        List<String> words = split(line);
        if (words.isEmpty()) return Outcome.EMPTY;
        pbx.awaitBooted(30_000);   // a command typed while the PBX boots waits for its modules
        List<CliCommand> commands = this.commands.get();
        Match m = find(commands, words);
        if (m == null) {
            out.println("No such command '" + String.join(" ", words) + "' (type 'core show help "
                    + best(commands, words) + "' for other possible commands)");
            out.flush();
            return Outcome.NO_SUCH_COMMAND;
        }
        boolean ok;
        PrintWriter raw = out;
        out = new PrintWriter(new EscapingWriter(raw)); // what a stranger named never reaches the console raw
        try {
            ok = m.command().execute(pbx, m.args(), out);
        } catch (RuntimeException e) {
            PbxLog.error("cli.c", "Command '" + String.join(" ", words) + "' failed: " + e);
            out.println("Command '" + String.join(" ", words) + "' failed: " + e);
            out.flush();
            return Outcome.FAILED;
        }
        if (!ok) {
            printUsage(m.command(), out);
            out.flush();
            return Outcome.USAGE;
        }
        out.flush();
        return Outcome.OK;
    }

    static void printUsage(CliCommand c, PrintWriter out) {
        String usage = c.usage();
        if (usage == null || usage.isBlank()) {
            out.println("Invalid usage, but no usage information available.");
        } else {
            out.print(usage.endsWith("\n") ? usage : usage + "\n");
        }
    }

    /**
     * The command with the most leading words matching {@code typed} (case-insensitive), or null.
     * Every word of a command must be typed in full: Asterisk takes no abbreviations either.
     */
    public static Match find(List<CliCommand> commands, List<String> typed) {
        CliCommand best = null;
        for (CliCommand c : commands) {
            List<String> w = c.words();
            if (w.size() <= typed.size() && startsWith(typed, w) && (best == null || w.size() > best.words().size())) best = c;
        }
        return best == null ? null : new Match(best, List.copyOf(typed.subList(best.words().size(), typed.size())));
    }

    /** Asterisk's find_best: the typed words up to and including the first that no command continues. */
    static String best(List<CliCommand> commands, List<String> typed) {
        List<String> prefix = new ArrayList<>();
        for (String word : typed) {
            prefix.add(word);
            boolean any = false;
            for (CliCommand c : commands) {
                if (isPrefixOf(prefix, c.words())) {
                    any = true;
                    break;
                }
            }
            if (!any) break;
        }
        return String.join(" ", prefix);
    }

    /**
     * Candidates for the word being typed at the end of {@code line} (a line ending in a space
     * starts a new word): the next fixed word of every command that fits what was typed, then what
     * the command itself offers for its arguments. Sorted, without duplicates.
     */
    public List<String> complete(String line) {
        pbx.awaitBooted(30_000);
        List<String> words = new ArrayList<>(split(line));
        boolean newWord = line.isEmpty() || Character.isWhitespace(line.charAt(line.length() - 1));
        String current = newWord || words.isEmpty() ? "" : words.remove(words.size() - 1);
        return completeWords(words, current);
    }

    /**
     * {@link #complete(String)} on words already split: {@code before} complete words, then the
     * partial one. A command's {@link CliCommand#complete} gets the words typed after its own with
     * the partial word last; it may return every candidate it has, as only those that start with
     * the partial word (ignoring case) are kept.
     */
    public List<String> completeWords(List<String> before, String current) {
        TreeSet<String> out = new TreeSet<>();
        List<CliCommand> commands = this.commands.get();
        for (CliCommand c : commands) {
            List<String> w = c.words();
            if (before.size() < w.size() && startsWith(w, before)) {
                String next = w.get(before.size());
                if (startsWithIgnoreCase(next, current)) out.add(next);
            }
        }
        Match m = find(commands, before);
        if (m != null) {
            List<String> args = new ArrayList<>(m.args());
            args.add(current);
            try {
                for (String s : m.command().complete(pbx, List.copyOf(args))) {
                    if (s != null && startsWithIgnoreCase(s, current)) out.add(s);
                }
            } catch (RuntimeException e) {
                PbxLog.warning("cli.c", "Completion of '" + String.join(" ", m.command().words()) + "' failed: " + e);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Splits a console line into words as Asterisk's parse_args does: blanks separate words, double
     * quotes group blanks into one word (and are removed), a backslash takes the next character
     * as it is.
     */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                inWord = true;
            } else if (ch == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(ch);
                inWord = true;
            }
        }
        if (inWord) words.add(cur.toString());
        return words;
    }

    /** True when {@code list} begins with every word of {@code prefix}, ignoring case. */
    private static boolean startsWith(List<String> list, List<String> prefix) {
        if (prefix.size() > list.size()) return false;
        for (int i = 0; i < prefix.size(); i++) {
            if (!list.get(i).equalsIgnoreCase(prefix.get(i))) return false;
        }
        return true;
    }

    /** Typed words that a command could still become, every word typed in full. */
    private static boolean isPrefixOf(List<String> typed, List<String> command) {
        return startsWith(command, typed);
    }

    static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** The command as an admin types it, e.g. {@code core show channels}. */
    public static String name(CliCommand c) { return String.join(" ", c.words()).toLowerCase(Locale.ROOT); }
}
