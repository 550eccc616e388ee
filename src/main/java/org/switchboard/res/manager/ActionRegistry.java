package org.switchboard.res.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.switchboard.core.ManagerAction;
import org.switchboard.core.ModuleState;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * Every {@link ManagerAction} on the class path, by lower-case name. An action is offered while
 * its module runs (an action of a declined channel driver is unknown, as in Asterisk where the
 * module never registered it); res_manager's own are always there.
 */
final class ActionRegistry {
    /** Handled by the session itself; listed by ListCommands like any other. */
    static final List<ManagerModule.Listed> SESSION_ACTIONS = List.of(
            new ManagerModule.Listed("Login", "Login Manager."),
            new ManagerModule.Listed("Challenge", "Generate Challenge for MD5 Auth."),
            new ManagerModule.Listed("Logoff", "Logoff Manager."),
            new ManagerModule.Listed("Events", "Control Event Flow."),
            new ManagerModule.Listed("Filter", "Dynamically add filters for the current manager session."));

    private final Pbx pbx;
    private final Map<String, ManagerAction> byName = new TreeMap<>();

    ActionRegistry(Pbx pbx) {
        this.pbx = pbx;
        java.util.Iterator<ManagerAction> it = ServiceLoader.load(ManagerAction.class).iterator();
        for (;;) {
            ManagerAction a;
            try {
                if (!it.hasNext()) break;
                a = it.next();
            } catch (java.util.ServiceConfigurationError e) {
                // a listed action that cannot be made is one log line, not a Manager interface without actions
                PbxLog.warning("manager.c", "Manager action not registered: " + e.getMessage());
                continue;
            }
            String key = a.name().toLowerCase(Locale.ROOT);
            ManagerAction old = byName.putIfAbsent(key, a);
            if (old != null) {
                PbxLog.warning("manager.c", "Manager action " + a.name() + " of " + a.module() + " is already registered by " + old.module());
            }
        }
    }

    ManagerAction find(String name) {
        ManagerAction a = byName.get(name.toLowerCase(Locale.ROOT));
        return a != null && available(a) ? a : null;
    }

    /** Every action currently offered, sorted by name. */
    List<ManagerAction> all() {
        List<ManagerAction> out = new ArrayList<>();
        for (ManagerAction a : byName.values()) if (available(a)) out.add(a);
        return out;
    }

    private boolean available(ManagerAction a) {
        if (a.module().equals(ManagerModule.NAME)) return true;
        ModuleState s = pbx.modules().state(a.module());
        return s != null && s.status() == ModuleState.Status.RUNNING;
    }
}
