package org.switchboard.res.manager.actions;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.core.ModuleState;
import org.switchboard.core.Modules;
import org.switchboard.core.Pbx;

/** Reload: one module's configuration (pbx_config: the dialplan), or everything. */
public final class ReloadAction extends BaseAction {
    public ReloadAction() {
        super("Reload", "system,config", "Send a reload event.", """
                Action: Reload
                [ActionID: <value>]
                [Module: <name>]""",
                "Reloads the named module's configuration (pbx_config: extensions.conf), or every module when none is named.");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String module = request.get("Module");
        String error = reload(request.pbx(), module);
        if (error == null) reply.success("Module Reloaded");
        else reply.error(error);
    }

    /** @return null when reloaded, else manager.c's error text */
    static String reload(Pbx pbx, String module) {
        if (isBlank(module)) {
            pbx.reloadDialplan();
            pbx.modules().reload(null);
            return null;
        }
        String name = Modules.moduleName(module);
        if (name.equalsIgnoreCase("pbx_config") || name.equalsIgnoreCase("extensions.conf")) {
            pbx.reloadDialplan();
            return null;
        }
        ModuleState s = pbx.modules().state(name);
        if (s == null) return "No such module";
        if (s.status() != ModuleState.Status.RUNNING) return "Module not initialized";
        String said = pbx.modules().reload(name);
        if (said.isEmpty()) return "Module does not support reload";
        if (said.contains("failed")) return "An unknown error occurred";
        return null;
    }
}
