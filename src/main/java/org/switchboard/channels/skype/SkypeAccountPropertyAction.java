package org.switchboard.channels.skype;

import java.util.Map;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code SkypeAccountProperty}: User and the properties to set. */
public final class SkypeAccountPropertyAction extends SkypeManagerAction {
    private static final java.util.Set<String> KNOWN = java.util.Set.of("Timezone", "Skypename", "Availability",
            "Fullname", "Language", "Country", "PhoneHome", "PhoneOffice", "PhoneMobile", "About");

    public SkypeAccountPropertyAction() {
        super("SkypeAccountProperty", "config", "Set properties of a Skype account.",
                "Action: SkypeAccountProperty\nUser: <account>\n[Availability: <status>]\n[About: <text>]\n[Fullname: <name>] ...",
                """
                Sets profile properties of the account User: Availability (Online, Away, Not
                Available, Do Not Disturb) and About (the status message) change what buddies see
                until the next reload; the other Skype properties (Timezone, Fullname, Language,
                Country, phone numbers) are accepted and kept, as the network has no place for them.""");
    }

    @Override
    void execute(SkypeModule skype, ManagerRequest request, ManagerReply reply) {
        SkypeAccount a = account(skype, request, reply);
        if (a == null) return;
        int set = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            if (KNOWN.contains(h.getKey())) set++;
        }
        if (set == 0) {
            reply.error("No property given (one of " + String.join(", ", new java.util.TreeSet<>(KNOWN)) + ")");
            return;
        }
        String availability = request.get("Availability");
        String about = request.get("About");
        if ((availability != null || about != null) && !a.setPresence(availability, about)) {
            reply.error("Invalid Availability '" + availability + "' or " + a.name() + " is not logged in");
            return;
        }
        reply.success("Account properties set");
    }
}
