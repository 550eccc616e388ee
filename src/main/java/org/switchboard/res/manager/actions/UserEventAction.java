package org.switchboard.res.manager.actions;

import java.util.Map;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/**
 * UserEvent: broadcasts a UserEvent with every header of the request but Action and UserEvent, as
 * manager.c's action_userevent does; but the sender cannot set Event or Privilege (a second one
 * would make a reader that keeps the last value see a forged event) nor send a nameless header.
 */
public final class UserEventAction extends BaseAction {
    public UserEventAction() {
        super("UserEvent", "user", "Send an arbitrary event.", """
                Action: UserEvent
                [ActionID: <value>]
                UserEvent: <event name>
                [<Header>: <value>]...""",
                "Send an event to manager sessions: Event: UserEvent, UserEvent: name, then the other headers as given.");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        ManagerEvent.Builder b = ManagerEvent.of("UserEvent", "user").put("UserEvent", request.get("UserEvent", ""));
        for (Map.Entry<String, String> h : request.headers()) {
            if (!passedOn(h.getKey())) continue;
            b.put(h.getKey(), h.getValue());
        }
        reply.success("Event Sent");
        request.pbx().events().publish(b.build());
    }

    private static boolean passedOn(String key) {
        if (key.isBlank()) return false;
        for (String own : new String[] {"Action", "UserEvent", "Event", "Privilege"}) {
            if (key.equalsIgnoreCase(own)) return false;
        }
        return true;
    }
}
