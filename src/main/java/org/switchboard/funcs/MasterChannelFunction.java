package org.switchboard.funcs;

import org.switchboard.core.Channel;

/**
 * {@code MASTER_CHANNEL(varname)} (func_channel.c): variables of the channel named by this
 * channel's linkedid, the oldest channel of the call; this channel itself when that one is gone.
 */
public final class MasterChannelFunction extends BaseFunction {
    public MasterChannelFunction() {
        super("MASTER_CHANNEL", "func_channel", "Gets or sets variables on the master channel",
                "MASTER_CHANNEL(varname)", """
                Reads or writes a variable on the master channel: the oldest channel of the call,
                the one whose unique ID is this channel's linkedid (the caller's channel, for a
                channel that Dial or a Local channel created). When this channel is the master,
                or the master has hung up, the channel's own variables are used instead.
                Reading is ${varname} on the master, so MASTER_CHANNEL(CALLERID(num)) reads a
                function there too; writing is Set(varname=value) on the master.
                Example: Set(MASTER_CHANNEL(ANSWERED_BY)=${CHANNEL}) in a Dial U() subroutine.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (noChannel(channel)) return "";
        return channel.pbx().substitute(master(channel), "${" + FuncArgs.orEmpty(data) + "}");
    }

    @Override public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String data, String value) {
        if (noChannel(channel)) return;
        channel.pbx().vars().set(master(channel), FuncArgs.orEmpty(data), value);
    }

    /** {@code ast_channel_get_by_name(linkedid)}: a live channel with that unique ID (or name), else this one. */
    private static Channel master(Channel channel) {
        String linked = channel.linkedId();
        if (FuncArgs.isEmpty(linked)) return channel;
        Channel m = channel.pbx().channels().byUniqueId(linked);
        if (m == null) m = channel.pbx().channels().byName(linked);
        return m == null || m.isDestroyed() ? channel : m;
    }
}
