package org.switchboard.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logback for the libraries that log through SLF4J (Netty, Smack): their warnings to stderr;
 * Smack's errors (bridged from java.util.logging) become rate-limited PBX lines through
 * {@link PbxLogAppender}; the PBX's own lines, which {@link PbxLogSlf4j} also hands to SLF4J as
 * {@code switchboard.<source>}, are off because the console already shows them. Set up in code, found by logback's ServiceLoader, so
 * start-up does not load logback's XML configurator and an XML parser (about 500 classes, a fifth
 * of the classes a started PBX has loaded). A {@code logback.xml} or {@code logback-test.xml} on
 * the class path, or {@code -Dlogback.configurationFile}, still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class LibraryLogConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = LibraryLogConfigurator.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("[%d{MMM dd HH:mm:ss}] %level[%thread]: %logger{20}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("switchboard").setLevel(Level.OFF); // give it a level and an appender to keep PBX lines in a file
        PbxLogAppender pbxLog = new PbxLogAppender();
        pbxLog.setContext(context);
        pbxLog.setName("PBXLOG");
        pbxLog.setSource("smack");
        pbxLog.start();
        ch.qos.logback.classic.Logger smack = context.getLogger("org.jivesoftware");
        smack.setLevel(Level.ERROR);
        smack.setAdditive(false);
        smack.addAppender(pbxLog);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
