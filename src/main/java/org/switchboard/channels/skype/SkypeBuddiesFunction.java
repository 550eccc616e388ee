package org.switchboard.channels.skype;

import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;

/** SKYPE_BUDDIES(user): an id for a snapshot of the account's buddy list. */
public final class SkypeBuddiesFunction implements DialplanFunction {
    @Override public String name() { return "SKYPE_BUDDIES"; }
    @Override public String synopsis() { return "Get an id for walking a Skype account's buddy list"; }
    @Override public String syntax() { return "SKYPE_BUDDIES(user)"; }

    @Override
    public String description() {
        return """
                Takes a snapshot of the buddy list of the Skype account user (empty: the default_user account) and
                returns its id, for SKYPE_BUDDY_FETCH(id). The snapshot is freed when the channel hangs up. While the
                account is logged out the list is empty. Unknown account: a warning and "".""";
    }

    @Override
    public String read(Channel c, String args) {
        SkypeAccount a = SkypeDialplan.account(name(), c, args == null ? "" : args.trim());
        if (a == null) return "";
        if (!a.isLoggedIn()) {
            org.switchboard.core.PbxLog.notice(SkypeModule.NAME, name() + ": Skype account '" + a.name()
                    + "' is not logged in; its buddy list is empty");
        }
        return SkypeModule.get(c.pbx()).snapshot(c, a.buddies());
    }
}
