package org.switchboard.res.manager.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.switchboard.core.ManagerAction;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.res.manager.AmiPermissions;
import org.switchboard.res.manager.ManagerModule;

/** ListCommands: every action this user may run, {@code Name: synopsis (Priv: classes)}. */
public final class ListCommandsAction extends BaseAction {
    public ListCommandsAction() {
        super("ListCommands", "", "List available manager commands.", "Action: ListCommands\n[ActionID: <value>]",
                "Returns the action name and synopsis for every action that is available to the user.");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        ManagerModule m = ManagerModule.of(request.pbx());
        Map<String, Object> lines = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ManagerModule.Listed l : ManagerModule.sessionActions()) lines.put(l.name(), l.synopsis() + " (Priv: <none>)");
        if (m != null) {
            for (ManagerAction a : m.actions()) {
                int priv = AmiPermissions.parse(a.privilege());
                boolean allowed = priv == 0;
                if (!allowed) {
                    for (String cls : a.privilege().split(",")) allowed |= request.mayWrite(cls.trim());
                }
                if (allowed) lines.put(a.name(), a.synopsis() + " (Priv: " + AmiPermissions.describe(priv) + ")");
            }
        }
        reply.success(null, new LinkedHashMap<>(lines));
    }
}
