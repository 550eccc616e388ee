package org.switchboard.res.manager.actions;

import java.util.Map;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** UserEvent: broadcasts a UserEvent with every header of the request but Action and UserEvent. */
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
            if (h.getKey().equalsIgnoreCase("Action") || h.getKey().equalsIgnoreCase("UserEvent")) continue;
            b.put(h.getKey(), h.getValue());
        }
        reply.success("Event Sent");
        request.pbx().events().publish(b.build());
    }
}
