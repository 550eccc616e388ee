package org.switchboard.res.manager.actions;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.core.ModuleState;
import org.switchboard.core.Modules;

/**
 * ModuleLoad: reload works as in Asterisk; load and unload are refused, since modules are chosen
 * at start by modules.conf (a running module is already loaded; unloading one drops its calls).
 */
public final class ModuleLoadAction extends BaseAction {
    public ModuleLoadAction() {
        super("ModuleLoad", "system", "Module management.", """
                Action: ModuleLoad
                [ActionID: <value>]
                [Module: <name>]
                LoadType: <load|unload|reload>""", """
                Loads, unloads or reloads a module. Switchboard chooses its modules at start from
                modules.conf: reload works, load and unload answer with an error.""");
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
            case "load" -> reply.error("Could not load module.");
            case "unload" -> reply.error("Could not unload module.");
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
