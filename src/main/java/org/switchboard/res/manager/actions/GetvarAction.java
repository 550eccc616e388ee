package org.switchboard.res.manager.actions;

import org.switchboard.core.Channel;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.core.Pbx;

/** Getvar: a channel or global variable, or a function's value ({@code CALLERID(num)}). */
public final class GetvarAction extends BaseAction {
    public GetvarAction() {
        super("Getvar", "call,reporting", "Gets a channel variable or function value.", """
                Action: Getvar
                [ActionID: <value>]
                [Channel: <channel>]
                Variable: <name or FUNCTION(args)>""", """
                Gets the value of a channel variable or function, or of a global variable when no
                Channel is given. Functions that reach outside the PBX (SHELL, FILE, ...) need the
                system write class.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String name = request.get("Channel");
        String var = request.get("Variable");
        if (isBlank(var)) {
            reply.error("No variable specified");
            return;
        }
        if (!request.mayWrite("system") && Setvars.dangerous(var)) {
            reply.error("GetVar Access Forbidden: Variable");
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
        String value;
        String v = var.trim();
        int open = v.indexOf('(');
        if (open > 0 && v.endsWith(")")) {
            value = pbx.vars().function(c, v.substring(0, open), pbx.substitute(c, v.substring(open + 1, v.length() - 1)));
        } else {
            value = pbx.vars().get(c, v);
        }
        reply.success(null, fields("Variable", var, "Value", value == null ? "" : value));
    }
}
