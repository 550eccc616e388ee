package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code GROUP_LIST()} (func_groupcount.c): the groups the channel is in. */
public final class GroupListFunction extends BaseFunction {
    public GroupListFunction() {
        super("GROUP_LIST", "func_groupcount", "Gets a list of the groups set on a channel.", "GROUP_LIST()", """
                Returns the channel's groups separated by spaces, in the order they were set, each
                as group@category, or just group when it has no category; nothing when the channel
                is in no group.
                Example: after Set(GROUP()=all) and Set(GROUP(trunk)=t1), "all t1@trunk".""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (channel == null) return "";
        StringBuilder out = new StringBuilder();
        for (ChannelGroups.Membership m : ChannelGroups.of(channel.pbx()).of(channel)) {
            if (out.length() > 0) out.append(' ');
            out.append(m.group());
            if (!m.category().isEmpty()) out.append('@').append(m.category());
        }
        return out.length() > 1023 ? out.substring(0, 1023) : out.toString();
    }
}
