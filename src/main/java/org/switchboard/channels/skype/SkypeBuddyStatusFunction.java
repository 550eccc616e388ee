package org.switchboard.channels.skype;

import java.util.List;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;

/** SKYPE_BUDDY_STATUS(user,buddy): one buddy's status string (ours). */
public final class SkypeBuddyStatusFunction implements DialplanFunction {
    @Override public String name() { return "SKYPE_BUDDY_STATUS"; }
    @Override public String synopsis() { return "Get the status of one Skype buddy"; }
    @Override public String syntax() { return "SKYPE_BUDDY_STATUS(user,buddy)"; }

    @Override
    public String description() {
        return """
                Returns the status of buddy as the Skype account user (empty: the default_user account) sees it:
                Online, Away, Not Available, Do Not Disturb, Offline, Waiting for Authorization, or Unknown (not a
                buddy, or the account is logged out). Unknown account or invalid buddy name: a warning and "".""";
    }

    @Override
    public String read(Channel c, String args) {
        List<String> a = AppArgs.split(args);
        SkypeAccount acc = SkypeDialplan.account(name(), c, AppArgs.arg(a, 0).trim());
        if (acc == null) return "";
        String jid = SkypeDialplan.buddy(name(), acc, AppArgs.arg(a, 1).trim());
        return jid == null ? "" : acc.buddyStatus(jid);
    }
}
