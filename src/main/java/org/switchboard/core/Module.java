package org.switchboard.core;

/**
 * One of Asterisk's modules ({@code app_dial}, {@code chan_sip}, {@code res_manager}): found by
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/org.switchboard.core.Module}),
 * loaded in that order when modules.conf allows, may decline, unloaded in reverse.
 *
 * <p>{@link #register} is the one place where a module lists what it provides; a new
 * application of {@code app_foo} is one more line there: {@code ctx.application(new FooApp());}.
 */
public interface Module {
    /** Asterisk's module name without {@code .so}: {@code res_manager}. */
    String name();
    String description();

    /**
     * Registers everything this module provides through {@code ctx}: applications, functions, its
     * channel driver, Manager actions, console commands, config validators. Starts nothing and
     * must not touch {@code ctx.pbx()}: {@code switchboard check} calls it on a collecting context.
     */
    void register(ModuleContext ctx);

    /**
     * Starts the module on {@code ctx.pbx()} (reads its config, opens its ports), after
     * {@link #register}. Nothing registered is offered until it returns.
     *
     * @throws ModuleDeclinedException with the one-line reason, when it cannot run
     */
    default void load(ModuleContext ctx) throws ModuleDeclinedException {}

    default void unload() {}

    /** {@code module reload NAME} / {@code reload}: re-read configuration without dropping calls. */
    default void reload(Pbx pbx) throws ModuleDeclinedException {}
}
