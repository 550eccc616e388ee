package org.switchboard.res.voicemail;

import java.util.LinkedHashMap;
import java.util.Map;
import org.switchboard.core.AbstractManagerAction;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code MailboxCount} (manager.c's action_mailboxcount over app_voicemail's counts). */
public final class MailboxCountAction extends AbstractManagerAction {
    public MailboxCountAction() {
        super("MailboxCount", "call,reporting", "Check Mailbox Message Count.",
                "Action: MailboxCount\nActionID: <value>\nMailbox: <value>",
                """
                Checks a voicemail account for new messages. Mailbox is the full mailbox ID,
                mailbox@vm-context (several joined by &: their counts are added). Returns the
                number of urgent, new and old messages: Message: Mailbox Message Count,
                Mailbox, UrgMessages, NewMessages, OldMessages (the header names Asterisk
                sends and asterisk-java reads).""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String mailbox = request.get("Mailbox");
        if (mailbox == null || mailbox.isBlank()) {
            reply.error("Mailbox not specified");
            return;
        }
        MessageWaiting.Counts c = MessageWaiting.counts(request.pbx(), mailbox);
        if (c == null) c = new MessageWaiting.Counts(0, 0, 0);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("Mailbox", mailbox);
        f.put("UrgMessages", c.urgent());
        f.put("NewMessages", c.fresh());
        f.put("OldMessages", c.old());
        reply.success("Mailbox Message Count", f);
    }
}
