package org.switchboard.net.dtls;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.switchboard.core.PbxLog;

/**
 * ice4j, jitsi-srtp and their config library report through java.util.logging, at INFO for
 * every candidate and check. Their warnings become rate-limited DEBUG lines of the PBX; the rest
 * stays quiet, and nothing reaches the console unlimited.
 */
public final class JitsiLogBridge extends Handler {
    private static final Logger[] LOGGERS = {
        Logger.getLogger("org.ice4j"), Logger.getLogger("org.jitsi"),
        Logger.getLogger("JitsiConfig"), // jicoco names its logger without a package
    };
    private static final JitsiLogBridge INSTANCE = new JitsiLogBridge();
    private static final java.util.logging.Formatter TEXT = new java.util.logging.SimpleFormatter();
    private static volatile boolean installed;

    private JitsiLogBridge() {}

    /** Idempotent; the loggers are held here so their settings are never collected away. */
    public static void install() {
        if (installed) return;
        synchronized (JitsiLogBridge.class) { // logger settings only; blocks nothing
            if (installed) return;
            for (Logger l : LOGGERS) {
                l.setLevel(Level.WARNING);
                l.setUseParentHandlers(false);
                l.addHandler(INSTANCE);
            }
            installed = true;
        }
    }

    @Override
    public void publish(LogRecord r) {
        if (r == null || r.getLevel().intValue() < Level.WARNING.intValue()) return;
        Throwable t = r.getThrown();
        PbxLog.limited(PbxLog.Level.DEBUG, "ice", String.valueOf(r.getLoggerName()),
            TEXT.formatMessage(r) + (t == null ? "" : ": " + t));
    }

    @Override public void flush() {}
    @Override public void close() {}
}
