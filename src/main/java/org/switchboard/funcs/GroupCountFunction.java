package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code GROUP_COUNT([groupname][@category])} (func_groupcount.c): how many channels are in a group. */
public final class GroupCountFunction extends BaseFunction {
    public GroupCountFunction() {
        super("GROUP_COUNT", "func_groupcount", "Counts the number of channels in the specified group.",
                "GROUP_COUNT([groupname][@category])", """
                Returns how many live channels are in group groupname (any case), only counting
                those in category when one is given. Without a groupname, the channel's own
                group is counted: its first group, or its group in category. A channel in no
                group gives 0.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (noChannel(channel)) return "";
        ChannelGroups groups = ChannelGroups.of(channel.pbx());
        ChannelGroups.Name name = ChannelGroups.Name.split(data);
        String group = name.group();
        String category = name.category();
        if (group.isEmpty()) {
            for (ChannelGroups.Membership m : groups.of(channel)) {
                if (category.isEmpty() || m.inCategory(category)) {
                    group = m.group();
                    if (!m.category().isEmpty()) category = m.category();
                    break;
                }
            }
        }
        return Integer.toString(groups.count(group, category));
    }
}
