package org.switchboard.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every PBX line also goes to SLF4J, one logger per source ({@code switchboard.pbx.c},
 * {@code switchboard.chan_sip.c}; verbose lines: {@code switchboard.verbose}; a source made from
 * data: {@code switchboard.other}), so logback can send
 * them to a file or the journal. logback.xml keeps the {@code switchboard} loggers off by default:
 * the console already shows these lines in Asterisk's format.
 */
final class PbxLogSlf4j {
    static final String ROOT = "switchboard";
    private static final Logger VERBOSE = LoggerFactory.getLogger(ROOT + ".verbose");
    private static final Logger ANY = LoggerFactory.getLogger(ROOT);
    private static final Logger OTHER = LoggerFactory.getLogger(ROOT + ".other");
    private static final Map<String, Logger> BY_SOURCE = new ConcurrentHashMap<>();
    /** Sources are a fixed set of file names; more than this means something names them from data. */
    private static final int MAX_SOURCES = 500;

    private PbxLogSlf4j() {}

    /** True when SLF4J would write something a PBX logs (checked before a line is built). */
    static boolean enabled() { return ANY.isErrorEnabled() || VERBOSE.isInfoEnabled(); }

    /** @param source null for a verbose line */
    static void emit(PbxLog.Line line, String source, String message) {
        if (!enabled()) return;
        Logger log = source == null ? VERBOSE : loggerFor(source);
        if (log == OTHER) message = source + ": " + message;
        switch (line.level()) {
            case DEBUG -> { if (log.isDebugEnabled()) log.debug(message); }
            case VERBOSE, NOTICE -> { if (log.isInfoEnabled()) log.info(message); }
            case WARNING, SECURITY -> { if (log.isWarnEnabled()) log.warn(message); }
            case ERROR -> { if (log.isErrorEnabled()) log.error(message); }
        }
    }

    /**
     * A source that is a file name ({@code chan_sip.c}, {@code smack}) gets its own logger; one made
     * from data (Log()'s {@code Ext. 100:2 @ phones}) goes to {@code switchboard.other} with the
     * source in front of the message, so the loggers stay a small fixed set.
     */
    private static Logger loggerFor(String source) {
        Logger known = BY_SOURCE.get(source);
        if (known != null) return known;
        if (!source.matches("[A-Za-z0-9_.-]{1,64}") || BY_SOURCE.size() >= MAX_SOURCES) return OTHER;
        return BY_SOURCE.computeIfAbsent(source, s -> LoggerFactory.getLogger(ROOT + "." + s));
    }
}
