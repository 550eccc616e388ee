package org.switchboard.res.manager.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** CoreShowChannels: a CoreShowChannel event per channel, then CoreShowChannelsComplete. */
public final class CoreShowChannelsAction extends BaseAction {
    public CoreShowChannelsAction() {
        super("CoreShowChannels", "system,reporting", "List currently active channels.",
                "Action: CoreShowChannels\n[ActionID: <value>]",
                "List currently defined channels and some information about them.");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        List<Channel> channels = new ArrayList<>(request.pbx().channels().all());
        channels.sort(java.util.Comparator.comparingLong(Channel::createdMillis));
        reply.listStart("Channels will follow");
        long now = System.currentTimeMillis();
        for (Channel c : channels) {
            Map<String, Object> f = snapshot(c);
            Channel peer = c.bridgedPeer();
            f.put("BridgeId", peer == null ? "" : peer.name());
            f.put("Application", c.application());
            f.put("ApplicationData", c.appData());
            f.put("Duration", duration(now - c.createdMillis()));
            reply.listItem("CoreShowChannel", f);
        }
        reply.listComplete("CoreShowChannelsComplete", null);
    }
}
