package org.switchboard.channels.skype;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code SkypeBuddy}: one buddy's details (asterisk-java's SkypeBuddyResponse). */
public final class SkypeBuddyAction extends SkypeManagerAction {
    public SkypeBuddyAction() {
        super("SkypeBuddy", "call,reporting", "Show one buddy of a Skype account.",
                "Action: SkypeBuddy\nUser: <account>\nBuddy: <buddy>",
                """
                Answers with the buddy's Skypename, Availability (its Skype status string) and
                Fullname; the fields the network does not provide (Timezone, Language, Country,
                phone numbers, About) are empty. An unknown buddy is an error.""");
    }

    @Override
    void execute(SkypeModule skype, ManagerRequest request, ManagerReply reply) {
        SkypeAccount a = account(skype, request, reply);
        if (a == null) return;
        String buddy = required(request, reply, "Buddy");
        if (buddy == null) return;
        String jid = SkypeNames.bareJid(buddy, a.domain());
        SkypeAccount.Buddy found = null;
        for (SkypeAccount.Buddy b : a.buddies()) {
            if (b.jid().equalsIgnoreCase(String.valueOf(jid)) || b.name().equalsIgnoreCase(buddy)) found = b;
        }
        if (found == null) {
            reply.error("No such buddy: " + buddy);
            return;
        }
        reply.success(null, fields("Skypename", found.name(), "Timezone", "", "Availability", found.status(),
                "Fullname", found.name(), "Language", "", "Country", "", "PhoneHome", "", "PhoneOffice", "",
                "PhoneMobile", "", "About", ""));
    }
}
