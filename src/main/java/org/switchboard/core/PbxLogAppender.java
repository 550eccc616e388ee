package org.switchboard.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * A logback appender that turns a library's reports into PBX lines, rate-limited per logger so a
 * peer that provokes one report per stanza cannot flood the console. logback.xml gives it Smack's
 * loggers (bridged from java.util.logging by jul-to-slf4j): a report with an exception is a
 * listener that threw, a WARNING; without one it is the library's opinion of what a peer sent,
 * which it has dealt with already, a DEBUG line.
 */
public final class PbxLogAppender extends AppenderBase<ILoggingEvent> {
    private String source = "library";

    /** The source its lines carry ({@code smack}); set from logback.xml's {@code <source>}. */
    public void setSource(String source) { this.source = source; }

    @Override
    protected void append(ILoggingEvent e) {
        if (!e.getLevel().isGreaterOrEqual(Level.ERROR)) return;
        IThrowableProxy t = e.getThrowableProxy();
        String text = e.getFormattedMessage() + (t == null ? "" : ": " + t.getClassName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        PbxLog.limited(t == null ? PbxLog.Level.DEBUG : PbxLog.Level.WARNING, source, e.getLoggerName(), text);
    }
}
