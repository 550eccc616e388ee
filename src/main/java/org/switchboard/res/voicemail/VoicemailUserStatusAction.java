package org.switchboard.res.voicemail;

import org.switchboard.core.AbstractManagerAction;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code VoicemailUserStatus} (app_voicemail's manager_status_voicemail_user). */
public final class VoicemailUserStatusAction extends AbstractManagerAction {
    public VoicemailUserStatusAction() {
        super("VoicemailUserStatus", "call,reporting", "Show the status of given voicemail user's info.",
                "Action: VoicemailUserStatus\nActionID: <value>\nContext: <value>\nMailbox: <value>",
                """
                Retrieves the status of the given voicemail user: the fields of a
                VoicemailUserEntry (see VoicemailUsersList) in the response.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String context = request.get("Context"), mailbox = request.get("Mailbox");
        if (context == null || context.isBlank()) {
            reply.error("No context provided");
            return;
        }
        if (mailbox == null || mailbox.isBlank()) {
            reply.error("No mailbox provided");
            return;
        }
        VoicemailConfig cfg = VoicemailConfig.of(request.pbx());
        Mailbox m = cfg == null ? null : cfg.mailbox(mailbox.strip(), context.strip());
        if (m == null) {
            reply.error("Unable to find voicemail user " + mailbox.strip() + "@" + context.strip());
            return;
        }
        reply.success(null, VoicemailUserFields.of(m, VoicemailSpool.of(request.pbx())));
    }
}
