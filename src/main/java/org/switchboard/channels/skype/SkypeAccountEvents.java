package org.switchboard.channels.skype;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.Pbx;

/** The Manager events an account raises, with Skype for Asterisk's names and fields. */
final class SkypeAccountEvents {
    private final Pbx pbx;

    SkypeAccountEvents(Pbx pbx) { this.pbx = pbx; }

    /** SkypeAccountStatus: the account logged in or out. */
    void accountStatus(String account, boolean loggedIn) {
        pbx.events().publish(ManagerEvent.of("SkypeAccountStatus", "system").put("Username", account)
                .put("Status", loggedIn ? "Logged In" : "Logged Out").build());
    }

    /** SkypeBuddyStatus: a buddy's Skype status string changed; {@code Buddy: Skype/account@buddy}. */
    void buddyStatus(String account, String buddy, String status) {
        pbx.events().publish(ManagerEvent.of("SkypeBuddyStatus", "system")
                .put("Buddy", "Skype/" + account + "@" + buddy).put("BuddyStatus", status).build());
    }

    /** SkypeChatMessage, sent or received, its body in Base64 as asterisk-java expects. */
    void chatMessage(String to, String from, String text) {
        if (!pbx.events().hasSubscribers()) return;
        pbx.events().publish(ManagerEvent.of("SkypeChatMessage", "system").put("To", to).put("From", from)
                .put("Message", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))).build());
    }
}
