package org.switchboard.res.manager.actions;

import org.switchboard.core.Channel;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.core.Pbx;

/** Setvar: sets a channel variable, a function ({@code CALLERID(name)}) or, without Channel, a global. */
public final class SetvarAction extends BaseAction {
    public SetvarAction() {
        super("Setvar", "call", "Sets a channel variable or function value.", """
                Action: Setvar
                [ActionID: <value>]
                [Channel: <channel>]
                Variable: <name or FUNCTION(args)>
                Value: <value>""", """
                Sets a channel variable or function value on Channel, or a global variable when no
                Channel is given. A leading _ or __ marks a variable for inheritance.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String name = request.get("Channel");
        String var = request.get("Variable");
        String value = request.get("Value", "");
        if (isBlank(var)) {
            reply.error("No variable specified");
            return;
        }
        if (!request.mayWrite("system") && Setvars.dangerous(var)) {
            reply.error("SetVar Access Forbidden: Variable");
            return;
        }
        Pbx pbx = request.pbx();
        Channel c = null;
        if (!isBlank(name)) {
            c = pbx.channels().byName(name.trim());
            if (c == null) {
                reply.error("No such channel");
                return;
            }
        }
        pbx.vars().set(c, var.trim(), value);
        reply.success("Variable Set");
    }
}
