package org.switchboard.channels.skype;

import java.util.LinkedHashMap;
import java.util.Map;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/**
 * What the Skype Manager actions share: their docs as fields, finding the running module and the
 * named account, and the errors Skype for Asterisk answered with. Field names are the ones
 * asterisk-java's Skype classes read.
 */
abstract class SkypeManagerAction extends org.switchboard.core.AbstractManagerAction {
    SkypeManagerAction(String name, String privilege, String synopsis, String syntax, String description) {
        super(name, privilege, synopsis, syntax, description);
    }

    @Override
    public final void execute(ManagerRequest request, ManagerReply reply) {
        SkypeModule skype = SkypeModule.get(request.pbx());
        if (skype == null) {
            reply.error("The Skype channel is not running");
            return;
        }
        execute(skype, request, reply);
    }

    abstract void execute(SkypeModule skype, ManagerRequest request, ManagerReply reply);

    /** The account named by {@code User} (empty: the default account), or null after answering the error. */
    static SkypeAccount account(SkypeModule skype, ManagerRequest request, ManagerReply reply) {
        String user = request.get("User");
        SkypeAccount a = skype.account(user == null ? "" : user.trim());
        if (a == null) reply.error("No such Skype user: " + (user == null || user.isBlank() ? "(default)" : user));
        return a;
    }

    /** The required header, or null after answering {@code Missing <name>}. */
    static String required(ManagerRequest request, ManagerReply reply, String header) {
        String v = request.get(header);
        if (v == null || v.isBlank()) {
            reply.error("Missing " + header);
            return null;
        }
        return v.trim();
    }

    static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
