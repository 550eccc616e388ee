package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code GROUP([category])} (func_groupcount.c): the channel's group, read or set. */
public final class GroupFunction extends BaseFunction {
    public GroupFunction() {
        super("GROUP", "func_groupcount", "Gets or sets the channel group.", "GROUP([category])", """
                Set(GROUP(category)=name) puts the channel in group name of category; a channel is
                in at most one group per category (writing replaces it), and Set(GROUP()=name)
                uses the category-less slot. An empty name takes the channel out of that slot.
                Reading GROUP(category) gives the channel's group in that category; GROUP() gives
                its first group whatever the category. A channel leaves its groups when it hangs
                up. Names and categories are compared without regard to case and cut to 79
                characters. Use GROUP_COUNT to count the channels in a group, e.g. to limit the
                calls to a trunk:
                  same => n,Set(GROUP(outbound)=myprovider)
                  same => n,GotoIf($[${GROUP_COUNT(myprovider@outbound)} > 2]?denied)""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (noChannel(channel)) return "";
        for (ChannelGroups.Membership m : ChannelGroups.of(channel.pbx()).of(channel)) {
            if (FuncArgs.isEmpty(data) || m.inCategory(data)) return m.group();
        }
        return "";
    }

    @Override public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String data, String value) {
        if (noChannel(channel)) return;
        String v = FuncArgs.orEmpty(value);
        ChannelGroups.of(channel.pbx()).set(channel, ChannelGroups.Name.split(FuncArgs.isEmpty(data) ? v : v + "@" + data));
    }
}
