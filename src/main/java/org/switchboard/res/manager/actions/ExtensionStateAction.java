package org.switchboard.res.manager.actions;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.res.devstate.ExtensionStates;
import org.switchboard.res.devstate.Hints;

/** ExtensionState: the state of a hinted extension now (manager.c action_extensionstate). */
public final class ExtensionStateAction extends BaseAction {
    public ExtensionStateAction() {
        super("ExtensionState", "call,reporting", "Check Extension Status.", """
                Action: ExtensionState
                [ActionID: <value>]
                Exten: <value>
                [Context: <value>]""", """
                Reports the state of the extension from the devices of its hint: the response has
                Message: Extension Status, Exten, Context ('default' when none is given), Hint (empty
                without one), Status (-1 without a hint, 0 Idle, 1 InUse, 2 Busy, 4 Unavailable,
                8 Ringing, 9 InUse&Ringing, 16 Hold) and StatusText. While a client is logged in,
                changes are sent as ExtensionStatus events (and DeviceStateChange for each device).""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String exten = request.get("Exten");
        if (isBlank(exten)) {
            reply.error("Extension not specified");
            return;
        }
        String context = request.get("Context");
        if (isBlank(context)) context = "default";
        Hints.Hint h = Hints.find(request.pbx(), context, exten);
        int status = h == null ? ExtensionStates.NO_HINT : Hints.state(request.pbx(), h);
        reply.success("Extension Status", fields("Exten", exten, "Context", context, "Hint", h == null ? "" : h.text(),
                "Status", status, "StatusText", ExtensionStates.text(status)));
    }
}
