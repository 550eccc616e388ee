package org.switchboard.channels.skype;

import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;

/** SKYPE_BUDDY_FETCH(id): the next {@code buddy,status} of a SKYPE_BUDDIES snapshot, then "". */
public final class SkypeBuddyFetchFunction implements DialplanFunction {
    @Override public String name() { return "SKYPE_BUDDY_FETCH"; }
    @Override public String synopsis() { return "Get the next buddy of a SKYPE_BUDDIES list"; }
    @Override public String syntax() { return "SKYPE_BUDDY_FETCH(id)"; }

    @Override
    public String description() {
        return """
                Returns the next buddy of the snapshot id made by SKYPE_BUDDIES as "buddy,status" (for
                Set(ARRAY(buddy,status)=...)), and "" when there are no more. Status is one of Online, Away,
                Not Available, Do Not Disturb, Offline, Waiting for Authorization, Unknown. Buddies of the account's
                domain are named without it (vuc.me), others by their full name.""";
    }

    @Override
    public String read(Channel c, String args) {
        SkypeModule m = c == null ? null : SkypeModule.get(c.pbx());
        String id = args == null ? "" : args.trim();
        String row = m == null ? null : m.snapshots().fetch(id);
        if (row == null) {
            PbxLog.warning(SkypeModule.NAME, name() + ": no buddy list with id '" + id + "' (from SKYPE_BUDDIES on this channel?)");
            return "";
        }
        return row;
    }
}
