package org.switchboard.net.xmpp;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.switchboard.core.PbxLog;

/**
 * Smack reports through java.util.logging, often with the stanza that caused the report in the
 * text. Its severe reports become rate-limited PBX lines, one each; the rest stays quiet, and
 * nothing reaches the console unlimited.
 */
public final class SmackLogBridge extends Handler {
    private static final Logger SMACK = Logger.getLogger("org.jivesoftware");
    private static final SmackLogBridge INSTANCE = new SmackLogBridge();
    private static final java.util.logging.Formatter TEXT = new java.util.logging.SimpleFormatter();

    private SmackLogBridge() {}

    /** Idempotent: the Smack logger is held here, so its settings are never collected away. */
    public static synchronized void install() {
        SMACK.setLevel(Level.SEVERE);
        SMACK.setUseParentHandlers(false);
        SMACK.removeHandler(INSTANCE);
        SMACK.addHandler(INSTANCE);
    }

    /**
     * A severe report with an exception is a listener that threw: a bug, a WARNING. Without one it
     * is Smack's opinion of what a peer sent ("Found invalid amp status ..."), which it has dealt
     * with already: DEBUG.
     */
    @Override
    public void publish(LogRecord r) {
        if (r == null || r.getLevel().intValue() < Level.SEVERE.intValue()) return;
        Throwable t = r.getThrown();
        String text = TEXT.formatMessage(r) + (t == null ? "" : ": " + t);
        PbxLog.limited(t == null ? PbxLog.Level.DEBUG : PbxLog.Level.WARNING, "smack", String.valueOf(r.getLoggerName()), text);
    }

    @Override public void flush() {}
    @Override public void close() {}
}
