package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.dialplan.Dialplan;

/** DIALPLAN_EXISTS(context[,extension[,priority]]): 1 when the target is in the dialplan (func_dialplan). */
public final class DialplanExistsFunction extends BaseFunction {
    public DialplanExistsFunction() {
        super("DIALPLAN_EXISTS", "func_dialplan",
                "Tells whether a context, extension or priority exists.",
                "DIALPLAN_EXISTS(context[,extension[,priority]])",
                "Returns 1 when the dialplan has the target and 0 when it does not. With only context, the "
                        + "context itself is looked for; with an extension, its priority 1 (following includes and "
                        + "matching patterns, with the channel's caller ID for caller-ID-specific extensions); with a "
                        + "priority, that priority, which may be a number or a label.");
    }

    @Override
    public String read(Channel channel, String args) {
        if (FuncArgs.isEmpty(args)) {
            error("DIALPLAN_EXISTS() requires an argument");
            return "";
        }
        if (noChannel(channel)) return "";
        String[] a = FuncArgs.standard(args, 3);
        String context = FuncArgs.orEmpty(a[0]);
        String exten = FuncArgs.orEmpty(a[1]);
        Dialplan dp = channel.pbx().dialplan();
        String cid = channel.callerId().number();
        if (!FuncArgs.isEmpty(a[2])) {
            Integer prio = FuncArgs.leadingInt(a[2]);
            if (prio != null && prio > 0) return dp.exists(context, exten, prio, cid) ? "1" : "0";
            return dp.findLabel(context, exten, a[2], cid) != null ? "1" : "0";
        }
        if (!exten.isEmpty()) return dp.exists(context, exten, 1, cid) ? "1" : "0";
        if (!context.isEmpty()) return dp.context(context) != null ? "1" : "0";
        error("Invalid arguments provided to DIALPLAN_EXISTS");
        return "";
    }
}
