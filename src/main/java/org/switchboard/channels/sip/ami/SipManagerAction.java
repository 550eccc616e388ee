package org.switchboard.channels.sip.ami;

import java.util.LinkedHashMap;
import java.util.Map;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.core.AbstractManagerAction;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** What chan_sip's Manager actions share: finding the running stack, the Peer header, field maps. */
abstract class SipManagerAction extends AbstractManagerAction {
    SipManagerAction(String name, String synopsis, String syntax, String description) {
        super(name, "system,reporting", synopsis, syntax, description);
    }

    @Override
    public final void execute(ManagerRequest request, ManagerReply reply) {
        SipModule m = SipModule.get(request.pbx());
        if (m == null || m.stack() == null) {
            reply.error("chan_sip is not running");
            return;
        }
        execute(m, request, reply);
    }

    abstract void execute(SipModule sip, ManagerRequest request, ManagerReply reply);

    /** The {@code Peer} header, or null after answering chan_sip's {@code Peer: <name> missing.} */
    static String peerHeader(ManagerRequest request, ManagerReply reply) {
        String v = request.get("Peer");
        if (v == null || v.isBlank()) {
            reply.error("Peer: <name> missing.");
            return null;
        }
        return v.trim();
    }

    /** The peer (type peer or friend) of that name, or null. */
    static SipPeer peer(SipModule sip, String name) {
        SipPeer p = sip.stack().settings().peer(name);
        return p == null || !p.type().isPeer() ? null : p;
    }

    static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static String yesNo(boolean b) { return b ? "yes" : "no"; }
}
