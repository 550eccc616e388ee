package org.switchboard.net.xmpp;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Smack reports through java.util.logging, often with the stanza that caused the report in the
 * text. jul-to-slf4j's handler, on Smack's logger only, hands its severe reports to SLF4J;
 * logback.xml sends the {@code org.jivesoftware} loggers to
 * {@link org.switchboard.core.PbxLogAppender}, which makes each a rate-limited PBX line. The rest
 * stays quiet, and nothing reaches the console unlimited.
 */
public final class SmackLogBridge {
    private static final Logger SMACK = Logger.getLogger("org.jivesoftware");
    private static final SLF4JBridgeHandler TO_SLF4J = new SLF4JBridgeHandler();

    private SmackLogBridge() {}

    /** Idempotent: the Smack logger is held here, so its settings are never collected away. */
    public static synchronized void install() {
        SMACK.setLevel(Level.SEVERE);   // below it Smack narrates every stanza; not worth building the records
        SMACK.setUseParentHandlers(false);
        SMACK.removeHandler(TO_SLF4J);
        SMACK.addHandler(TO_SLF4J);
    }
}
