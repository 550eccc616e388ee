package org.switchboard.core;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Asterisk-style logging: verbose lines ({@code    -- Executing ...}) gated by the verbose level,
 * and NOTICE/WARNING/ERROR lines that carry the module that raised them. Every line goes to every
 * registered sink (the console, remote consoles, tests that assert on what an admin would see).
 */
public final class PbxLog {
    public enum Level { DEBUG, VERBOSE, NOTICE, WARNING, ERROR, SECURITY }

    /** One rendered line with what produced it, so sinks can filter without reparsing. */
    public record Line(Level level, int verbosity, String text) {}

    private static final List<Consumer<Line>> SINKS = new CopyOnWriteArrayList<>();
    private static volatile int verbose = 3;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ROOT);

    private PbxLog() {}

    public static void addSink(Consumer<Line> sink) { SINKS.add(sink); }
    public static void removeSink(Consumer<Line> sink) { SINKS.remove(sink); }
    public static int verbose() { return verbose; }
    public static void setVerbose(int level) { verbose = Math.max(0, level); }

    /** Asterisk's verbose prefixes: level 1 " ", 2 " == ", 3 "    -- ", 4+ "       > ". */
    public static String verbosePrefix(int level) {
        return switch (level) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "  == ";
            case 3 -> "    -- ";
            default -> "       > ";
        };
    }

    public static boolean isVerbose(int level) { return level <= verbose && !SINKS.isEmpty(); }

    public static void verbose(int level, String message) {
        if (level > verbose || SINKS.isEmpty()) return;
        emit(new Line(Level.VERBOSE, level, verbosePrefix(level) + message));
    }

    public static void notice(String source, String message) { log(Level.NOTICE, source, message); }
    public static void warning(String source, String message) { log(Level.WARNING, source, message); }
    public static void error(String source, String message) { log(Level.ERROR, source, message); }
    public static void security(String source, String message) { log(Level.SECURITY, source, message); }
    public static void debug(String source, String message) { log(Level.DEBUG, source, message); }

    /** {@code [Nov 26 11:46:52] WARNING[thread]: source: message}, as Asterisk formats it. */
    public static void log(Level level, String source, String message) {
        if (SINKS.isEmpty()) return;
        String text = "[" + LocalDateTime.now().format(STAMP) + "] " + level.name()
                + "[" + Thread.currentThread().threadId() + "]: " + source + ": " + message;
        emit(new Line(level, 0, text));
    }

    private static void emit(Line line) {
        for (Consumer<Line> sink : SINKS) {
            try {
                sink.accept(line);
            } catch (RuntimeException e) {
                // a broken sink must never take a call down with it
            }
        }
    }
}
