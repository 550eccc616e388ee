package org.switchboard.core;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.switchboard.core.PbxLog.Level;
import org.switchboard.core.PbxLog.Line;

/**
 * One PBX's log: its sinks (console, remote consoles, a test's capture), its verbose level and its
 * flood limiter. Every {@link Pbx} has its own, so two PBXs in one JVM never see each other's
 * lines. Code logs through the static {@link PbxLog} methods, which reach the log of the PBX the
 * calling thread works for.
 */
public final class PbxLogger {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ROOT);
    private static final long LIMIT_WINDOW_MS = 10_000;

    private final String name;
    private final List<Consumer<Line>> sinks = new CopyOnWriteArrayList<>();
    private volatile int verbose = 3;
    private volatile boolean closed;
    private final LogRateLimiter limiter = new LogRateLimiter(5, LIMIT_WINDOW_MS, System::currentTimeMillis);
    private final AtomicBoolean summariesScheduled = new AtomicBoolean();

    /** @param name what this log belongs to ({@code process}, a PBX's config directory), for thread names */
    public PbxLogger(String name) { this.name = name; }

    public void addSink(Consumer<Line> sink) { sinks.add(sink); }
    public void removeSink(Consumer<Line> sink) { sinks.remove(sink); }
    public int verbose() { return verbose; }
    public void setVerbose(int level) { verbose = Math.max(0, level); }

    /** The PBX has shut down: threads still bound to this log write to the process's log instead. */
    void close() { closed = true; }
    boolean closed() { return closed; }

    /** True when a verbose line of {@code level} would be written somewhere (worth building). */
    public boolean isVerbose(int level) { return level <= verbose && listening(); }

    private boolean listening() { return !sinks.isEmpty() || PbxLog.tapped() || PbxLogSlf4j.enabled(); }

    /** Line feeds in a verbose message are kept (multi-line dumps); other control characters are escaped. */
    public void verbose(int level, String message) {
        if (!isVerbose(level)) return;
        emit(new Line(Level.VERBOSE, level, PbxLog.verbosePrefix(level) + LogText.lines(message)), null, message);
    }

    /**
     * {@code [Nov 26 11:46:52] WARNING[thread]: source: message}, as Asterisk formats it. The
     * message is one line: control characters in it (a CR, NUL or ESC a client sent) are escaped.
     */
    public void log(Level level, String source, String message) {
        if (!listening()) return;
        String oneLine = LogText.oneLine(message);
        String text = "[" + LocalDateTime.now().format(STAMP) + "] " + level.name()
                + "[" + Thread.currentThread().threadId() + "]: " + source + ": " + oneLine;
        emit(new Line(level, 0, text), source, oneLine);
    }

    /** As {@link PbxLog#limited}: the first few per peer in each window, then a summary. */
    public void limited(Level level, String source, String peer, String message) {
        if (!listening()) return;
        List<LogRateLimiter.Summary> before = limiter.attempt(new LogRateLimiter.Key(source, peer));
        if (before == null) {
            scheduleSummaries();
            return;
        }
        for (LogRateLimiter.Summary s : before) log(level, source, s.text());
        log(level, source, message);
    }

    /** Once a line is suppressed its summary is due when the window closes, even if the flood stops. */
    private void scheduleSummaries() {
        if (!summariesScheduled.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("log-summaries " + name).start(PbxLog.bound(this, () -> {
            try {
                do {
                    Thread.sleep(LIMIT_WINDOW_MS);
                    for (LogRateLimiter.Summary s : limiter.drain()) log(Level.NOTICE, s.key().source(), s.text());
                } while (limiter.tracking());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                summariesScheduled.set(false);
            }
        }));
    }

    private void emit(Line line, String source, String message) {
        deliver(sinks, line);
        PbxLog.deliverToTaps(line);
        PbxLogSlf4j.emit(line, source, message);
    }

    static void deliver(List<Consumer<Line>> to, Line line) {
        for (Consumer<Line> sink : to) {
            try {
                sink.accept(line);
            } catch (RuntimeException e) {
                // a broken sink must never take a call down with it; stderr is all that is left
                System.err.println("switchboard: a log sink failed: " + e);
            }
        }
    }

    @Override public String toString() { return "PbxLogger[" + name + "]"; }
}
