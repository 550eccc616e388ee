package org.switchboard.res.manager;

import java.util.LinkedHashMap;
import java.util.Map;
import org.switchboard.core.ManagerReply;

/** A {@link ManagerReply} bound to one request of one session: adds its ActionID, counts list items. */
final class SessionReply implements ManagerReply {
    private final ManagerSession session;
    private final String actionId;
    private boolean answered;
    private int items;

    SessionReply(ManagerSession session, String actionId) {
        this.session = session;
        this.actionId = actionId;
    }

    @Override
    public void response(String kind, String message, Map<String, ?> fields) {
        answered = true;
        session.send(AmiWriter.response(kind, actionId, null, message, fields));
    }

    @Override
    public void listStart(String message) {
        answered = true;
        session.send(AmiWriter.response("Success", actionId, "start", message, Map.of()));
    }

    @Override
    public void listItem(String event, Map<String, ?> fields) {
        items++;
        session.send(AmiWriter.event(event, null, actionId, fields));
    }

    @Override
    public void listComplete(String event, Map<String, ?> extra) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("EventList", "Complete");
        f.put("ListItems", items);
        if (extra != null) f.putAll(extra);
        session.send(AmiWriter.event(event, null, actionId, f));
    }

    @Override
    public boolean answered() { return answered; }
}
