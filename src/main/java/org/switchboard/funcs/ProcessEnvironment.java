package org.switchboard.funcs;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.core.Pbx;

/**
 * The environment ENV() reads and writes. Java cannot change its own process environment, so a
 * PBX keeps the changes here, over the environment it started with: ENV() reads them, and the
 * commands SHELL() runs get them, as they would after Asterisk's setenv(3).
 */
final class ProcessEnvironment {
    /** A name written: its new value, or empty when it was unset. */
    private final Map<String, Optional<String>> changes = new ConcurrentHashMap<>();

    static ProcessEnvironment of(Pbx pbx) { return pbx.service(ProcessEnvironment.class, p -> new ProcessEnvironment()); }

    String get(String name) {
        Optional<String> changed = changes.get(name);
        return changed != null ? changed.orElse(null) : System.getenv(name);
    }

    void set(String name, String value) { changes.put(name, Optional.of(value)); }

    void unset(String name) { changes.put(name, Optional.empty()); }

    /** Applies the changes to a child process's environment. */
    void applyTo(Map<String, String> env) {
        changes.forEach((k, v) -> {
            if (v.isPresent()) env.put(k, v.get());
            else env.remove(k);
        });
    }
}
