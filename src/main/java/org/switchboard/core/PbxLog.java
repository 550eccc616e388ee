package org.switchboard.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Asterisk-style logging: verbose lines ({@code    -- Executing ...}) gated by the verbose level,
 * and NOTICE/WARNING/ERROR lines that carry the module that raised them.
 *
 * <p>The static methods write to the log of the PBX the calling thread works for: each
 * {@link Pbx} has its own {@link PbxLogger}, and the threads it runs (a channel's dialplan, its
 * timers, console and Manager sessions) are bound to it. A thread bound to no PBX writes to the
 * process's log ({@link #process()}). Every line also goes to SLF4J, one logger per source.
 */
public final class PbxLog {
    public enum Level { DEBUG, VERBOSE, NOTICE, WARNING, ERROR, SECURITY }

    /** One rendered line with what produced it, so sinks can filter without reparsing. */
    public record Line(Level level, int verbosity, String text) {}

    private static final PbxLogger PROCESS = new PbxLogger("process");
    private static final ThreadLocal<PbxLogger> BOUND = new ThreadLocal<>();
    /** Sinks that see every line of every PBX in this process (a one-PBX process's console). */
    private static final List<Consumer<Line>> TAPS = new CopyOnWriteArrayList<>();

    private PbxLog() {}

    /** The log lines written outside any PBX go to: code that runs for no PBX in particular. */
    public static PbxLogger process() { return PROCESS; }

    /** The log of the PBX this thread works for, else the process's. */
    public static PbxLogger current() {
        PbxLogger l = BOUND.get();
        return l == null || l.closed() ? PROCESS : l;
    }

    /** This thread works for the PBX that owns {@code log} until the binding is closed. */
    public static Binding bind(PbxLogger log) {
        Binding b = new Binding(Thread.currentThread(), BOUND.get());
        BOUND.set(log);
        return b;
    }

    /** Undoes one {@link #bind}, restoring what the thread was bound to before. */
    public static final class Binding implements AutoCloseable {
        private final Thread thread;
        private final PbxLogger previous;

        private Binding(Thread thread, PbxLogger previous) {
            this.thread = thread;
            this.previous = previous;
        }

        @Override
        public void close() {
            if (Thread.currentThread() != thread) return;   // another thread's binding is not ours to undo
            if (previous == null) BOUND.remove();
            else BOUND.set(previous);
        }
    }

    /** {@code task}, run with its thread bound to {@code log}: for a PBX's threads and executors. */
    public static Runnable bound(PbxLogger log, Runnable task) {
        return () -> {
            try (Binding b = bind(log)) {
                task.run();
            }
        };
    }

    /** Runs {@code work} on this thread bound to {@code log}; returns what it returns. */
    public static <T> T within(PbxLogger log, Supplier<T> work) {
        try (Binding b = bind(log)) {
            return work.get();
        }
    }

    /** Threads from {@code factory} whose every line goes to {@code log}. */
    public static ThreadFactory threadFactory(PbxLogger log, ThreadFactory factory) {
        return r -> factory.newThread(bound(log, r));
    }

    /**
     * Threads from {@code factory} that write to the log the calling thread writes to now. A
     * component built while its PBX loads it (module load runs bound to that PBX) so gives every
     * thread it starts later, its socket readers, event loops and timers, to that PBX.
     */
    public static ThreadFactory threadFactory(ThreadFactory factory) { return threadFactory(current(), factory); }

    /** {@code task}, to run on another thread and write to the log the calling thread writes to now. */
    public static Runnable carried(Runnable task) { return bound(current(), task); }

    /** Runs {@code task} bound to {@code log}: our listener called on a library's thread (Smack's, ice4j's). */
    public static void run(PbxLogger log, Runnable task) {
        try (Binding b = bind(log)) {
            task.run();
        }
    }

    /**
     * Binds this thread to {@code log} and returns what it was bound to, for {@link #leave}: the
     * allocation-free pair for a per-packet path on a thread several PBXs share.
     */
    public static PbxLogger enter(PbxLogger log) {
        PbxLogger previous = BOUND.get();
        if (previous != log) BOUND.set(log);
        return previous;
    }

    /** Undoes {@link #enter}: {@code previous} is what it returned. */
    public static void leave(PbxLogger previous) {
        if (previous == null) BOUND.remove();
        else if (BOUND.get() != previous) BOUND.set(previous);
    }

    /** A sink that sees every line of every PBX in this process (the one-PBX console, a test that watches all). */
    public static void addSink(Consumer<Line> sink) { TAPS.add(sink); }
    public static void removeSink(Consumer<Line> sink) { TAPS.remove(sink); }
    static boolean tapped() { return !TAPS.isEmpty(); }
    static void deliverToTaps(Line line) { PbxLogger.deliver(TAPS, line); }

    /** The verbose level of this thread's PBX. */
    public static int verbose() { return current().verbose(); }
    public static void setVerbose(int level) { current().setVerbose(level); }

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

    public static boolean isVerbose(int level) { return current().isVerbose(level); }

    /** Line feeds in a verbose message are kept (multi-line dumps); other control characters are escaped. */
    public static void verbose(int level, String message) { current().verbose(level, message); }

    public static void notice(String source, String message) { log(Level.NOTICE, source, message); }
    public static void warning(String source, String message) { log(Level.WARNING, source, message); }
    public static void error(String source, String message) { log(Level.ERROR, source, message); }
    public static void security(String source, String message) { log(Level.SECURITY, source, message); }
    public static void debug(String source, String message) { log(Level.DEBUG, source, message); }

    /**
     * {@code [Nov 26 11:46:52] WARNING[thread]: source: message}, as Asterisk formats it. The
     * message is one line: control characters in it (a CR, NUL or ESC a client sent) are escaped.
     */
    public static void log(Level level, String source, String message) { current().log(level, source, message); }

    /**
     * A line caused by what {@code peer} (an address, an account) sent: the first few per peer in
     * each 10 s window are logged, the rest counted and summarised once the window closes
     * ("... 1,233 more from 127.0.0.1 in the last 10 s"), so a flood of bad input cannot flood
     * the log while every misbehaving source still gets its line.
     */
    public static void limited(Level level, String source, String peer, String message) {
        current().limited(level, source, peer, message);
    }
}
