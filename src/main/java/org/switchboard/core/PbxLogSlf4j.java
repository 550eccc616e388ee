package org.switchboard.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every PBX line also goes to SLF4J, one logger per source ({@code switchboard.pbx.c},
 * {@code switchboard.chan_sip.c}; verbose lines: {@code switchboard.verbose}), so logback can send
 * them to a file or the journal. logback.xml keeps the {@code switchboard} loggers off by default:
 * the console already shows these lines in Asterisk's format.
 */
final class PbxLogSlf4j {
    static final String ROOT = "switchboard";
    private static final Logger VERBOSE = LoggerFactory.getLogger(ROOT + ".verbose");
    private static final Logger ANY = LoggerFactory.getLogger(ROOT);
    private static final Map<String, Logger> BY_SOURCE = new ConcurrentHashMap<>();

    private PbxLogSlf4j() {}

    /** True when SLF4J would write something a PBX logs (checked before a line is built). */
    static boolean enabled() { return ANY.isErrorEnabled() || VERBOSE.isInfoEnabled(); }

    /** @param source null for a verbose line */
    static void emit(PbxLog.Line line, String source, String message) {
        Logger log = source == null ? VERBOSE : BY_SOURCE.computeIfAbsent(source, s -> LoggerFactory.getLogger(ROOT + "." + s));
        switch (line.level()) {
            case DEBUG -> { if (log.isDebugEnabled()) log.debug(message); }
            case VERBOSE, NOTICE -> { if (log.isInfoEnabled()) log.info(message); }
            case WARNING, SECURITY -> { if (log.isWarnEnabled()) log.warn(message); }
            case ERROR -> { if (log.isErrorEnabled()) log.error(message); }
        }
    }
}
