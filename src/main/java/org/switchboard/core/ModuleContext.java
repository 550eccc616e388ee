package org.switchboard.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What a module is given when it registers and loads: the {@link Pbx} it runs in, and the calls
 * through which it registers its applications, functions, channel driver, Manager actions, console
 * commands and config validators. The PBX keeps the list; {@code module unload} takes away exactly
 * what is in it.
 *
 * <p>{@code switchboard check} uses a context with no PBX: it only collects what a module would
 * register, so it can run the validators and know the application names without starting anything.
 */
public final class ModuleContext {
    private final Pbx pbx;
    private final String module;
    private final List<Application> applications = new ArrayList<>();
    private final List<DialplanFunction> functions = new ArrayList<>();
    private final List<ChannelDriver> channelDrivers = new ArrayList<>();
    private final List<ManagerAction> managerActions = new ArrayList<>();
    private final List<CliCommand> cliCommands = new ArrayList<>();
    private final List<ConfigValidator> configValidators = new ArrayList<>();

    ModuleContext(Pbx pbx, String module) {
        this.pbx = pbx;
        this.module = module;
    }

    /** A context that only collects registrations: for {@code switchboard check}, which loads nothing. */
    public static ModuleContext collecting(String module) { return new ModuleContext(null, module); }

    /** The PBX loading this module. */
    public Pbx pbx() {
        if (pbx == null) throw new IllegalStateException("module " + module + " is being checked, not loaded: it has no PBX");
        return pbx;
    }

    /** The name of the module being registered ({@code app_dial}). */
    public String module() { return module; }

    public void application(Application a) { applications.add(a); }
    public void function(DialplanFunction f) { functions.add(f); }
    public void channelDriver(ChannelDriver d) { channelDrivers.add(d); }
    public void managerAction(ManagerAction a) { managerActions.add(a); }
    public void cliCommand(CliCommand c) { cliCommands.add(c); }
    public void configValidator(ConfigValidator v) { configValidators.add(v); }

    public List<Application> applications() { return List.copyOf(applications); }
    public List<DialplanFunction> functions() { return List.copyOf(functions); }
    public List<ChannelDriver> channelDrivers() { return List.copyOf(channelDrivers); }
    public List<ManagerAction> managerActions() { return List.copyOf(managerActions); }
    public List<CliCommand> cliCommands() { return List.copyOf(cliCommands); }
    public List<ConfigValidator> configValidators() { return List.copyOf(configValidators); }

    /** Whether {@code part} (this very object: an application, function, driver, action, command, validator) was registered here. */
    public boolean registered(Object part) {
        for (List<?> parts : List.of(applications, functions, channelDrivers, managerActions, cliCommands, configValidators)) {
            for (Object p : parts) if (p == part) return true;
        }
        return false;
    }
}
