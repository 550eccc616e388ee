package org.switchboard.res.voicemail;

import java.util.LinkedHashMap;
import java.util.Map;
import org.switchboard.core.AbstractManagerAction;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code MailboxStatus} (manager.c's action_mailboxstatus over app_voicemail's counts). */
public final class MailboxStatusAction extends AbstractManagerAction {
    public MailboxStatusAction() {
        super("MailboxStatus", "call,reporting", "Check mailbox.",
                "Action: MailboxStatus\nActionID: <value>\nMailbox: <value>",
                """
                Checks a voicemail account for status. Mailbox is the full mailbox ID,
                mailbox@vm-context (several joined by &). Returns whether messages are waiting:
                Message: Mailbox Status, Mailbox: <id>, Waiting: <0 or 1>. A mailbox that is
                not configured has none waiting.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String mailbox = request.get("Mailbox");
        if (mailbox == null || mailbox.isBlank()) {
            reply.error("Mailbox not specified");
            return;
        }
        MessageWaiting.Counts c = MessageWaiting.counts(request.pbx(), mailbox);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("Mailbox", mailbox);
        f.put("Waiting", c != null && c.fresh() + c.urgent() > 0 ? 1 : 0);
        reply.success("Mailbox Status", f);
    }
}
