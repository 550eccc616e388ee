package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** VALID_EXTEN([context],extension[,priority]): 1 when the extension exists (func_dialplan). */
public final class ValidExtenFunction extends BaseFunction {
    public ValidExtenFunction() {
        super("VALID_EXTEN", "func_dialplan",
                "Tells whether an extension exists.",
                "VALID_EXTEN([context],extension[,priority])",
                "Returns 1 when extension exists in context (the channel's current context when left out) at "
                        + "priority (1 when left out; a number only, labels are not looked up), and 0 otherwise. "
                        + "Includes and patterns are followed as when dialing. Deprecated in Asterisk in favour of "
                        + "DIALPLAN_EXISTS().");
    }

    @Override
    public String read(Channel channel, String args) {
        if (noChannel(channel)) return "";
        String[] a = FuncArgs.standard(args, 3);
        String context = FuncArgs.isEmpty(a[0]) ? channel.context() : a[0];
        if (FuncArgs.isEmpty(a[1])) {
            warn("Syntax: VALID_EXTEN([<context>],<extension>[,<priority>]) - missing argument <extension>!");
            return "";
        }
        int priority = FuncArgs.isEmpty(a[2]) ? 1 : FuncArgs.atoi(a[2]);
        return channel.pbx().dialplan().exists(context, a[1], priority, channel.callerId().number()) ? "1" : "0";
    }
}
