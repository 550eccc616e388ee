package org.switchboard.funcs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.switchboard.core.Channel;
import org.switchboard.core.Pbx;

/**
 * The channel groups of one PBX (main/app.c ast_app_group_*): an ordered list of (channel,
 * group, category) where a channel has at most one group per category. A channel leaves all its
 * groups when it is destroyed, through a datastore it gets when it first joins one.
 */
final class ChannelGroups {
    /** One channel in one group; category is "" when none was given. */
    record Membership(Channel channel, String group, String category) {
        boolean inCategory(String cat) { return !category.isEmpty() && category.equalsIgnoreCase(cat); }
    }

    /** ast_app_group_split_group: data cut to 255 characters, then group@category, each cut to 79. */
    record Name(String group, String category) {
        static Name split(String data) {
            String d = cut(FuncArgs.orEmpty(data), 255);
            int at = d.indexOf('@');
            return at < 0 ? new Name(cut(d, 79), "") : new Name(cut(d.substring(0, at), 79), cut(d.substring(at + 1), 79));
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Membership> members = new ArrayList<>();

    static ChannelGroups of(Pbx pbx) { return pbx.service(ChannelGroups.class, p -> new ChannelGroups()); }

    /**
     * ast_app_group_set_channel: the channel leaves its group of that category (no category
     * counts as one), then joins the named group at the end of the list unless it is empty.
     */
    void set(Channel channel, Name name) {
        lock.lock();
        try {
            for (int i = 0; i < members.size(); i++) {
                Membership m = members.get(i);
                if (m.channel() == channel && (name.category().isEmpty() ? m.category().isEmpty() : m.inCategory(name.category()))) {
                    members.remove(i);
                    break;
                }
            }
            if (!name.group().isEmpty()) members.add(new Membership(channel, name.group(), name.category()));
        } finally {
            lock.unlock();
        }
        if (!name.group().isEmpty() && channel.datastore(this) == null) channel.putDatastore(this, () -> discard(channel));
    }

    /** The channel's memberships, in list order. */
    List<Membership> of(Channel channel) { return matching(m -> m.channel() == channel); }

    /** ast_app_group_get_count: channels in the group (any case), within the category when one is given. */
    int count(String group, String category) {
        if (group.isEmpty()) return 0;
        return matching(m -> m.group().equalsIgnoreCase(group) && (category.isEmpty() || m.inCategory(category))).size();
    }

    List<Membership> matching(Predicate<Membership> test) {
        lock.lock();
        try {
            members.removeIf(m -> m.channel().isDestroyed());
            return members.stream().filter(test).toList();
        } finally {
            lock.unlock();
        }
    }

    /** ast_app_group_discard: the channel leaves every group. */
    void discard(Channel channel) {
        lock.lock();
        try {
            members.removeIf(m -> m.channel() == channel);
        } finally {
            lock.unlock();
        }
    }

    private static String cut(String s, int max) { return s.length() <= max ? s : s.substring(0, max); }
}
