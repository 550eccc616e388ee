package org.switchboard.res.agi;

import org.switchboard.core.AbstractManagerAction;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** The Manager's AGI action: queue a command for a channel in AsyncAGI. */
public final class AgiManagerAction extends AbstractManagerAction {
    public AgiManagerAction() {
        super("AGI", "agi", "Add an AGI command to execute by Async AGI.", """
                Action: AGI
                [ActionID: <value>]
                Channel: <channel in AsyncAGI>
                Command: <AGI command>
                [CommandID: <value>]""", """
                Add an AGI command to the execute queue of the channel in Async AGI (AGI(agi:async)).
                Its answer comes as an AsyncAGIExec event carrying CommandID and the URL-encoded
                Result; ASYNCAGI BREAK returns the channel to its dialplan.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String channel = request.get("Channel"), command = request.get("Command");
        if (channel == null || channel.isEmpty()) {
            reply.error("Channel not specified");
            return;
        }
        if (command == null || command.isEmpty()) {
            reply.error("Command not specified");
            return;
        }
        Channel c = request.pbx().channels().byName(channel);
        if (c == null) {
            reply.error("Channel " + channel + " does not exist.");
            return;
        }
        if (!AsyncAgiPeer.queue(c, command, request.get("CommandID"))) {
            reply.error("Failed to add AGI command to queue. Did you use async agi?");
            return;
        }
        reply.success("Added AGI command to queue");
    }
}
