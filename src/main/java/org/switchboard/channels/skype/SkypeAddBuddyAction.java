package org.switchboard.channels.skype;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code SkypeAddBuddy}: User, Buddy, AuthMsg. */
public final class SkypeAddBuddyAction extends SkypeManagerAction {
    public SkypeAddBuddyAction() {
        super("SkypeAddBuddy", "call", "Add a buddy to a Skype account and ask for authorization.",
                "Action: SkypeAddBuddy\nUser: <account>\nBuddy: <buddy>\nAuthMsg: <text>",
                """
                Adds Buddy to the buddy list of User and asks the buddy for authorization (a
                presence subscription request); until the buddy accepts, its status is
                'Waiting for Authorization'. AuthMsg is sent to the buddy with the request.""");
    }

    @Override
    void execute(SkypeModule skype, ManagerRequest request, ManagerReply reply) {
        SkypeAccount a = account(skype, request, reply);
        if (a == null) return;
        String buddy = required(request, reply, "Buddy");
        if (buddy == null) return;
        if (SkypeNames.bareJid(buddy, a.domain()) == null) {
            reply.error("Invalid buddy name: " + buddy);
            return;
        }
        if (skype.addBuddy(a.name(), buddy, request.get("AuthMsg"))) reply.success("Buddy added");
        else reply.error("Could not add buddy " + buddy + (a.isLoggedIn() ? "" : ": " + a.name() + " is not logged in"));
    }
}
