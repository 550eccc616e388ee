package org.switchboard.res.manager.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** Status: one Status event per channel (or for the one named), then StatusComplete. */
public final class StatusAction extends BaseAction {
    public StatusAction() {
        super("Status", "system,call,reporting", "List channel status.", """
                Action: Status
                [ActionID: <value>]
                [Channel: <channel>]
                [Variables: <name>[,<name>...]]
                [AllVariables: <true|false>]""", """
                Lists the channels with their state, dialplan location and caller ID as Status events,
                ending with StatusComplete. Variables adds the named channel variables to each event;
                AllVariables adds every one.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String name = request.get("Channel");
        List<Channel> channels = new ArrayList<>();
        if (!isBlank(name)) {
            Channel c = request.pbx().channels().byName(name.trim());
            if (c == null) {
                reply.error("No such channel");
                return;
            }
            channels.add(c);
        } else {
            channels.addAll(request.pbx().channels().all());
            channels.sort(java.util.Comparator.comparingLong(Channel::createdMillis));
        }
        boolean all = isTrue(request.get("AllVariables"));
        String wanted = request.get("Variables", "");
        reply.listStart("Channel status will follow");
        long now = System.currentTimeMillis();
        for (Channel c : channels) {
            Map<String, Object> f = fields("Privilege", "Call");
            f.putAll(snapshot(c));
            Channel peer = c.bridgedPeer();
            f.put("Type", c.technology());
            f.put("DNID", c.callerId().dnid());
            f.put("EffectiveConnectedLineNum", c.connectedLine().number().isEmpty() ? "<unknown>" : c.connectedLine().number());
            f.put("EffectiveConnectedLineName", c.connectedLine().name().isEmpty() ? "<unknown>" : c.connectedLine().name());
            f.put("TimeToHangup", 0);
            f.put("BridgeID", peer == null ? "" : peer.name());
            f.put("Application", c.application());
            f.put("Data", c.appData());
            f.put("Nativeformats", "(ulaw)");
            f.put("Readformat", "ulaw");
            f.put("Readtrans", "");
            f.put("Writeformat", "ulaw");
            f.put("Writetrans", "");
            f.put("Callgroup", 0);
            f.put("Pickupgroup", 0);
            f.put("Seconds", (now - c.createdMillis()) / 1000);
            List<String> vars = new ArrayList<>();
            if (all) {
                c.variables().snapshot().forEach((k, v) -> vars.add(k + "=" + v));
            } else if (!wanted.isBlank()) {
                for (String v : wanted.split(",")) {
                    String val = request.pbx().vars().get(c, v.trim());
                    vars.add(v.trim() + "=" + (val == null ? "" : val));
                }
            }
            if (!vars.isEmpty()) f.put("Variable", vars);
            reply.listItem("Status", f);
        }
        reply.listComplete("StatusComplete", fields("Items", channels.size()));
    }
}
