package org.switchboard.res.manager.actions;

import java.util.Map;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.core.ModuleState;
import org.switchboard.core.Modules;

/** ModuleCheck: whether a module is loaded. */
public final class ModuleCheckAction extends BaseAction {
    public ModuleCheckAction() {
        super("ModuleCheck", "system", "Check if module is loaded.", """
                Action: ModuleCheck
                [ActionID: <value>]
                Module: <name, with or without .so>""", "Checks if Asterisk module is loaded.");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String module = request.get("Module");
        if (isBlank(module)) {
            reply.error("Module not specified");
            return;
        }
        String name = Modules.moduleName(module);
        int dot = name.indexOf('.');
        if (dot > 0) name = name.substring(0, dot);
        ModuleState s = request.pbx().modules().state(name);
        if (s == null || s.status() != ModuleState.Status.RUNNING) {
            reply.error("Module not loaded");
            return;
        }
        reply.success(null, Map.of());
    }
}
