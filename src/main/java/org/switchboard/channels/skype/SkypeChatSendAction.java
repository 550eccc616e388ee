package org.switchboard.channels.skype;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code SkypeChatSend}: User, Skypename, Message. */
public final class SkypeChatSendAction extends SkypeManagerAction {
    public SkypeChatSendAction() {
        super("SkypeChatSend", "call", "Send a chat message to a Skype buddy.",
                "Action: SkypeChatSend\nUser: <account>\nSkypename: <buddy>\nMessage: <text>",
                """
                Sends Message from the Skype account User (empty: the default account) to the buddy
                Skypename (a bare name gets the account's domain). The message is also reported
                to Manager clients as a SkypeChatMessage event with the text in Base64.""");
    }

    @Override
    void execute(SkypeModule skype, ManagerRequest request, ManagerReply reply) {
        SkypeAccount a = account(skype, request, reply);
        if (a == null) return;
        String buddy = required(request, reply, "Skypename");
        if (buddy == null) return;
        String text = request.get("Message");
        if (SkypeNames.bareJid(buddy, a.domain()) == null) {
            reply.error("Invalid Skypename: " + buddy);
            return;
        }
        if (!a.isLoggedIn()) {
            reply.error("Skype user " + a.name() + " is not logged in");
            return;
        }
        if (skype.sendChat(a.name(), buddy, text == null ? "" : text)) reply.success("Chat message sent");
        else reply.error("Chat message to " + buddy + " could not be sent");
    }
}
