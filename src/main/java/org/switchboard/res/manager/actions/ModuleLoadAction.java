package org.switchboard.res.manager.actions;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.core.ModuleState;
import org.switchboard.core.Modules;

/**
 * ModuleLoad: load, unload and reload a module by name, as Asterisk's loader does.
 */
public final class ModuleLoadAction extends BaseAction {
    public ModuleLoadAction() {
        super("ModuleLoad", "system", "Module management.", """
                Action: ModuleLoad
                [ActionID: <value>]
                [Module: <name>]
                LoadType: <load|unload|reload>""", """
                Loads, unloads or reloads a module (app_dial, chan_skype, ...; ".so" is optional).
                Unloading takes its applications, functions, technology and commands away; calls in
                progress keep the channels they have. The Manager interface cannot unload itself.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String type = request.get("LoadType");
        String module = request.get("Module");
        if (isBlank(type)) {
            reply.error("Incomplete ModuleLoad action.");
            return;
        }
        switch (type.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "load", "unload" -> {
                if (isBlank(module)) {
                    reply.error("Need module name");
                    return;
                }
                String name = org.switchboard.core.Modules.moduleName(module);
                boolean load = type.trim().equalsIgnoreCase("load");
                if (!load && name.equals(org.switchboard.res.manager.ManagerModule.NAME)) {
                    reply.error("Could not unload module.");
                    return;
                }
                String said = load ? request.pbx().modules().load(name) : request.pbx().modules().unload(name);
                boolean ok = said.startsWith(load ? "Loaded" : "Unloaded");
                if (ok) reply.success(load ? "Module loaded." : "Module unloaded.");
                else reply.error(load ? "Could not load module." : "Could not unload module.");
            }
            case "reload" -> {
                if (isBlank(module)) {
                    ReloadAction.reload(request.pbx(), null);
                    reply.success("All modules reloaded");
                    return;
                }
                ModuleState s = request.pbx().modules().state(Modules.moduleName(module));
                String err = ReloadAction.reload(request.pbx(), module);
                if (err == null) reply.success("Module reloaded.");
                else if (s == null && !Modules.moduleName(module).equalsIgnoreCase("pbx_config")) reply.error("No such module.");
                else reply.error(err.equals("Module does not support reload") ? "Module does not support reload action." : err);
            }
            default -> reply.error("Incomplete ModuleLoad action.");
        }
    }
}
