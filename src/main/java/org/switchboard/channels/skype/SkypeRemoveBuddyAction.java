package org.switchboard.channels.skype;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code SkypeRemoveBuddy}: User, Buddy. */
public final class SkypeRemoveBuddyAction extends SkypeManagerAction {
    public SkypeRemoveBuddyAction() {
        super("SkypeRemoveBuddy", "call", "Remove a buddy from a Skype account.",
                "Action: SkypeRemoveBuddy\nUser: <account>\nBuddy: <buddy>",
                "Removes Buddy from the buddy list of User and ends the presence subscriptions both ways.");
    }

    @Override
    void execute(SkypeModule skype, ManagerRequest request, ManagerReply reply) {
        SkypeAccount a = account(skype, request, reply);
        if (a == null) return;
        String buddy = required(request, reply, "Buddy");
        if (buddy == null) return;
        if (skype.removeBuddy(a.name(), buddy)) reply.success("Buddy removed");
        else reply.error("Could not remove buddy " + buddy);
    }
}
