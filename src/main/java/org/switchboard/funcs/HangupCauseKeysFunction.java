package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code HANGUPCAUSE_KEYS()} (func_hangupcause.c): the channels HANGUPCAUSE() knows about. */
public final class HangupCauseKeysFunction extends BaseFunction {
    public HangupCauseKeysFunction() {
        super("HANGUPCAUSE_KEYS", "func_hangupcause", "Gets the list of channels for which hangup causes are available.",
                "HANGUPCAUSE_KEYS()",
                """
                Returns a comma-separated list of channel names to be used with the HANGUPCAUSE
                function.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (noChannel(channel)) return null;
        return String.join(",", channel.dialedCauses().keySet());
    }
}
