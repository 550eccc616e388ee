package org.switchboard.res.manager.actions;

import org.switchboard.core.Channel;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.dialplan.Dialplan;

/**
 * Redirect: sends a channel (and optionally a second one) to another place in the dialplan. The
 * channel continues there when its current application returns.
 */
public final class RedirectAction extends BaseAction {
    public RedirectAction() {
        super("Redirect", "call", "Redirect (transfer) a call.", """
                Action: Redirect
                [ActionID: <value>]
                Channel: <channel>
                [ExtraChannel: <channel>]
                Exten: <exten> [ExtraExten: <exten>]
                Context: <context> [ExtraContext: <context>]
                Priority: <priority or label> [ExtraPriority: <priority>]""",
                "Redirect (transfer) a call to Exten@Context:Priority, and ExtraChannel to the Extra location.");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String name = request.get("Channel");
        String context = request.get("Context");
        String exten = request.get("Exten");
        String priority = request.get("Priority");
        if (isBlank(name)) { reply.error("Channel not specified"); return; }
        if (isBlank(context)) { reply.error("Context not specified"); return; }
        if (isBlank(exten)) { reply.error("Exten not specified"); return; }
        if (isBlank(priority)) { reply.error("Priority not specified"); return; }
        Dialplan dp = request.pbx().dialplan();
        int prio = priority(dp, context, exten, priority);
        if (prio < 1) { reply.error("Priority is invalid"); return; }
        Channel c = request.pbx().channels().byName(name);
        if (c == null) { reply.error("Channel does not exist: " + name); return; }
        if (c.isHangupRequested()) { reply.error("Redirect failed, channel not up."); return; }
        String extraName = request.get("ExtraChannel");
        Channel extra = null;
        int extraPrio = 0;
        if (!isBlank(extraName)) {
            extra = request.pbx().channels().byName(extraName);
            if (extra == null) { reply.error("Channel does not exist: " + extraName); return; }
            extraPrio = priority(dp, request.get("ExtraContext", context), request.get("ExtraExten", exten), request.get("ExtraPriority", priority));
            if (extraPrio < 1) { reply.error("Priority is invalid"); return; }
        }
        if (!c.asyncGoto(context, exten, prio)) c.jumpTo(context, exten, prio);
        if (extra != null) {
            String ec = request.get("ExtraContext", context);
            String ee = request.get("ExtraExten", exten);
            if (!extra.asyncGoto(ec, ee, extraPrio)) extra.jumpTo(ec, ee, extraPrio);
        }
        reply.success(extra == null ? "Redirect successful" : "Dual Redirect successful");
    }

    private static int priority(Dialplan dp, String context, String exten, String priority) {
        try {
            return Integer.parseInt(priority.trim());
        } catch (NumberFormatException e) {
            Dialplan.Found f = dp.findLabel(context, exten, priority.trim(), null);
            return f == null ? -1 : f.priority().number();
        }
    }
}
