package org.switchboard.channels.skype;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code SkypeBuddies}: one SkypeBuddyEntry per buddy, then SkypeBuddyListComplete. */
public final class SkypeBuddiesAction extends SkypeManagerAction {
    public SkypeBuddiesAction() {
        super("SkypeBuddies", "call,reporting", "List the buddies of a Skype account with their status.",
                "Action: SkypeBuddies\nUser: <account>",
                """
                Lists the buddy list of the Skype account User (empty: the default account): one
                SkypeBuddyEntry event per buddy with Buddy, Status and Fullname, then
                SkypeBuddyListComplete with ListItems.""");
    }

    @Override
    void execute(SkypeModule skype, ManagerRequest request, ManagerReply reply) {
        SkypeAccount a = account(skype, request, reply);
        if (a == null) return;
        reply.listStart("Buddy list will follow");
        for (SkypeAccount.Buddy b : a.buddies()) {
            reply.listItem("SkypeBuddyEntry", fields("Buddy", b.name(), "Status", b.status(), "Fullname", b.name()));
        }
        reply.listComplete("SkypeBuddyListComplete", null);
    }
}
