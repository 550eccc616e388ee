package org.switchboard.channels.pjsip;

import org.switchboard.channels.pjsip.config.PjsipEndpoint;
import org.switchboard.core.AbstractManagerAction;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code PJSIPQualify}: sends OPTIONS to every contact of an endpoint now; ContactStatus events follow changes. */
public final class PjsipQualifyAction extends AbstractManagerAction {
    public PjsipQualifyAction() {
        super("PJSIPQualify", "system,reporting", "Qualify a chan_pjsip endpoint.",
            "Action: PJSIPQualify\nActionID: <value>\nEndpoint: <value>",
            "Qualify a chan_pjsip endpoint: an OPTIONS to each of its contacts.");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        PjsipModule m = PjsipModule.get(request.pbx());
        if (m == null || m.stack() == null || m.qualifier() == null) {
            reply.error("chan_pjsip is not running");
            return;
        }
        String name = request.get("Endpoint", "");
        if (name.isBlank()) {
            reply.error("Endpoint parameter missing.");
            return;
        }
        PjsipEndpoint e = m.settings().endpoint(name.strip());
        if (e == null) {
            reply.error("Unable to retrieve endpoint " + name.strip());
            return;
        }
        m.qualifier().qualify(e);
        reply.success("Endpoint found, will qualify");
    }
}
