package org.switchboard.res.manager.actions;

import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** Ping: keeps a connection alive; answers Pong with the server's time. */
public final class PingAction extends BaseAction {
    public PingAction() {
        super("Ping", "", "Keepalive command.", "Action: Ping\n[ActionID: <value>]",
                "A 'Ping' action will elicit a 'Pong' response. Used to keep the manager connection open.");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        long now = System.currentTimeMillis();
        reply.success(null, fields("Ping", "Pong", "Timestamp", String.format("%d.%06d", now / 1000, (now % 1000) * 1000)));
    }
}
