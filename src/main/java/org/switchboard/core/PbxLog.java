package org.switchboard.core;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /** Line feeds in a verbose message are kept (multi-line dumps); other control characters are escaped. */
    public static void verbose(int level, String message) {
        if (level > verbose || SINKS.isEmpty()) return;
        emit(new Line(Level.VERBOSE, level, verbosePrefix(level) + LogText.lines(message)));
    }

    public static void notice(String source, String message) { log(Level.NOTICE, source, message); }
    public static void warning(String source, String message) { log(Level.WARNING, source, message); }
    public static void error(String source, String message) { log(Level.ERROR, source, message); }
    public static void security(String source, String message) { log(Level.SECURITY, source, message); }
    public static void debug(String source, String message) { log(Level.DEBUG, source, message); }

    /**
     * {@code [Nov 26 11:46:52] WARNING[thread]: source: message}, as Asterisk formats it. The
     * message is one line: control characters in it (a CR, NUL or ESC a client sent) are escaped.
     */
    public static void log(Level level, String source, String message) {
        if (SINKS.isEmpty()) return;
        String text = "[" + LocalDateTime.now().format(STAMP) + "] " + level.name()
                + "[" + Thread.currentThread().threadId() + "]: " + source + ": " + LogText.oneLine(message);
        emit(new Line(level, 0, text));
    }

    /**
     * A line caused by what {@code peer} (an address, an account) sent: the first few per peer in
     * each 10 s window are logged, the rest counted and summarised once the window closes
     * ("... 1,233 more from 127.0.0.1 in the last 10 s"), so a flood of bad input cannot flood
     * the log while every misbehaving source still gets its line.
     */
    public static void limited(Level level, String source, String peer, String message) {
        if (SINKS.isEmpty()) return;
        List<LogRateLimiter.Summary> before = LIMITER.attempt(new LogRateLimiter.Key(source, peer));
        if (before == null) {
            scheduleSummaries();
            return;
        }
        for (LogRateLimiter.Summary s : before) log(level, source, s.text());
        log(level, source, message);
    }

    private static final long LIMIT_WINDOW_MS = 10_000;
    private static final LogRateLimiter LIMITER = new LogRateLimiter(5, LIMIT_WINDOW_MS, System::currentTimeMillis);
    private static final AtomicBoolean SUMMARIES_SCHEDULED = new AtomicBoolean();

    /** Once a line is suppressed its summary is due when the window closes, even if the flood stops. */
    private static void scheduleSummaries() {
        if (!SUMMARIES_SCHEDULED.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("log-summaries").start(() -> {
            try {
                do {
                    Thread.sleep(LIMIT_WINDOW_MS);
                    for (LogRateLimiter.Summary s : LIMITER.drain()) log(Level.NOTICE, s.key().source(), s.text());
                } while (LIMITER.tracking());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                SUMMARIES_SCHEDULED.set(false);
            }
        });
    }

    private static void emit(Line line) {
        for (Consumer<Line> sink : SINKS) {
            try {
                sink.accept(line);
            } catch (RuntimeException e) {
                // a broken sink must never take a call down with it; stderr is all that is left
                System.err.println("switchboard: a log sink failed: " + e);
            }
        }
    }
}
