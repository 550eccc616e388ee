package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.res.devstate.ExtensionStates;
import org.switchboard.res.devstate.Hints;

/** EXTENSION_STATE(extension[@context]): the state of a hinted extension (func_extstate). */
public final class ExtensionStateFunction extends BaseFunction {
    public ExtensionStateFunction() {
        super("EXTENSION_STATE", "func_extstate", "Get an extension's state.", "EXTENSION_STATE(extension[@context])", """
                Returns the state of an extension that has a hint, the devices of the hint added
                up (a ringing device and a busy one make RINGINUSE), for example
                  NoOp(1234@default has state ${EXTENSION_STATE(1234)})
                  NoOp(4567@home has state ${EXTENSION_STATE(4567@home)})
                The context defaults to 'default' (not the channel's). An extension without a
                hint is UNKNOWN. The possible values:
                UNKNOWN | NOT_INUSE | INUSE | BUSY | INVALID | UNAVAILABLE | RINGING | RINGINUSE | HOLDINUSE | ONHOLD""");
    }

    @Override
    public String read(Channel channel, String args) {
        if (noChannel(channel)) return "";
        if (args == null || args.isEmpty()) {
            warn("EXTENSION_STATE requires an extension");
            return "";
        }
        int at = args.indexOf('@');
        String exten = at < 0 ? args : args.substring(0, at);
        String context = at < 0 || at == args.length() - 1 ? "default" : args.substring(at + 1);
        return ExtensionStates.word(Hints.state(channel.pbx(), context, exten));
    }
}
