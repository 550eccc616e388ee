package org.switchboard.core;

/**
 * A module with a life of its own (a channel driver with connections, the Manager interface):
 * loaded in order, may decline, unloaded in reverse. Simple applications and functions need no
 * Module: they are grouped into modules by {@link Documented#module()}. Listed in
 * {@code META-INF/services/org.switchboard.core.Module}.
 */
public interface Module {
    /** Asterisk's module name without {@code .so}: {@code res_manager}. */
    String name();
    String description();

    /** @throws ModuleDeclinedException with the one-line reason, when it cannot run */
    void load(Pbx pbx) throws ModuleDeclinedException;

    default void unload() {}

    /** {@code module reload NAME} / {@code reload}: re-read configuration without dropping calls. */
    default void reload(Pbx pbx) throws ModuleDeclinedException {}

    /**
     * {@code switchboard check}: every problem this module would log about its configuration files
     * in {@code configDir}, as {@code file:line: message}, found without starting anything.
     */
    default java.util.List<String> check(java.nio.file.Path configDir) { return java.util.List.of(); }
}
