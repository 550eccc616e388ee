package org.switchboard.core;

import java.nio.file.Path;
import java.util.List;

/**
 * One module's check of its configuration files, run by {@code switchboard check} for every module
 * modules.conf would load. Reads files only: starts, binds and connects nothing.
 */
@FunctionalInterface
public interface ConfigValidator {
    /** Every problem the module would log about the files in {@code configDir}, as {@code file:line: message}. */
    List<String> check(Path configDir);
}
