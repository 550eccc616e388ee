package org.switchboard.res.cdr;

/**
 * Where finished call records go (Asterisk's registered CDR backends: csv, cdr-custom,
 * cdr_manager, pgsql). {@link #log} runs on the engine's one posting thread, never on a call's:
 * it must not wait for anything slow (a database gets its own queue and writer).
 */
public interface CdrBackend {
    /** The name {@code cdr show status} lists, as Asterisk registers it ({@code csv}, {@code pgsql}). */
    String backendName();

    void log(CdrRecord record);

    /** Registered but not posting (cdr_manager.conf {@code enabled = no}). */
    default boolean suspended() { return false; }
}
