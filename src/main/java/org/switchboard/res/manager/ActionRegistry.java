package org.switchboard.res.manager;

import java.util.List;
import org.switchboard.core.ManagerAction;
import org.switchboard.core.Pbx;

/**
 * The Manager actions this PBX offers: those its running modules registered (an action of a
 * declined or unloaded module is unknown, as in Asterisk where the module never registered it),
 * plus the ones the session handles itself.
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

    ActionRegistry(Pbx pbx) { this.pbx = pbx; }

    ManagerAction find(String name) { return pbx.modules().managerAction(name); }

    /** Every action currently offered, sorted by name. */
    List<ManagerAction> all() { return pbx.modules().managerActions(); }
}
