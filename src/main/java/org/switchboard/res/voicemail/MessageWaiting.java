package org.switchboard.res.voicemail;

import org.switchboard.core.ManagerEvent;
import org.switchboard.core.Pbx;

/**
 * app_voicemail's message-waiting notice (queue_mwi_event): whenever a box's counts change (a
 * message left, a session of VoiceMailMain that deleted, saved or heard one), the Manager's
 * {@code MessageWaiting} event goes out on the PBX's event bus with the new and old counts;
 * SIP's MWI ({@code mailbox=} peers) listens to the same event.
 */
public final class MessageWaiting {
    public static final String EVENT = "MessageWaiting";

    private MessageWaiting() {}

    /** Counts of a box: new (INBOX), old, urgent (the Urgent folder). */
    public record Counts(int fresh, int old, int urgent) {}

    public static Counts counts(VoicemailSpool spool, Mailbox m) {
        return new Counts(spool.count(m, "INBOX"), spool.count(m, "Old"), spool.count(m, "Urgent"));
    }

    /**
     * Counts of {@code box@context} (context "default" when absent); several joined by {@code &} or
     * {@code ,} are added up, as ast_app_inboxcount2 does. Null when none of them is configured.
     */
    public static Counts counts(Pbx pbx, String mailboxes) {
        VoicemailConfig cfg = VoicemailConfig.of(pbx);
        if (cfg == null || mailboxes == null) return null;
        VoicemailSpool spool = VoicemailSpool.of(pbx);
        int n = 0, o = 0, u = 0;
        boolean any = false;
        for (String id : mailboxes.split("[&,]")) {
            id = id.strip();
            if (id.isEmpty()) continue;
            int at = id.indexOf('@');
            Mailbox m = cfg.mailbox(at < 0 ? id : id.substring(0, at), at < 0 ? "default" : id.substring(at + 1));
            if (m == null) continue;
            any = true;
            Counts c = counts(spool, m);
            n += c.fresh();
            o += c.old();
            u += c.urgent();
        }
        return any ? new Counts(n, o, u) : null;
    }

    /** Publishes the box's current counts as the Manager's MessageWaiting event (urgent messages count as new, as queue_mwi_event's). */
    public static void publish(Pbx pbx, Mailbox m) {
        Counts c = counts(VoicemailSpool.of(pbx), m);
        pbx.events().publish(ManagerEvent.of(EVENT, "call").put("Mailbox", m.id())
                .put("Waiting", c.fresh() + c.urgent() > 0 ? 1 : 0).put("New", c.fresh() + c.urgent()).put("Old", c.old()).build());
    }
}
