package org.switchboard.res.voicemail;

import org.switchboard.core.AbstractManagerAction;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code VoicemailUsersList} (app_voicemail's manager_list_voicemail_users). */
public final class VoicemailUsersListAction extends AbstractManagerAction {
    public VoicemailUsersListAction() {
        super("VoicemailUsersList", "call,reporting", "List All Voicemail User Information.",
                "Action: VoicemailUsersList\nActionID: <value>",
                """
                Lists every mailbox of voicemail.conf: a VoicemailUserEntry event each (VMContext,
                VoiceMailbox, Fullname, Email, Pager, ServerEmail, FromString, MailCommand,
                Language, TimeZone, ..., MaxMessageCount, MaxMessageLength, NewMessageCount,
                OldMessageCount), then VoicemailUserEntryComplete with ListItems.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        VoicemailConfig cfg = VoicemailConfig.of(request.pbx());
        if (cfg == null || cfg.mailboxes().isEmpty()) {
            reply.success("There are no voicemail users currently defined.");
            return;
        }
        VoicemailSpool spool = VoicemailSpool.of(request.pbx());
        reply.listStart("Voicemail user list will follow");
        for (Mailbox m : cfg.mailboxes().values()) reply.listItem("VoicemailUserEntry", VoicemailUserFields.of(m, spool));
        reply.listComplete("VoicemailUserEntryComplete", null);
    }
}
