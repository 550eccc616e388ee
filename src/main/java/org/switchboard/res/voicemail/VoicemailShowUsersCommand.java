package org.switchboard.res.voicemail;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Pbx;

/** {@code voicemail show users [for <context>]} (app_voicemail's handle_voicemail_show_users). */
public final class VoicemailShowUsersCommand extends VoicemailCliCommand {
    private static final String FORMAT = "%-10s %-5s %-25s %-10s %6s%n";

    public VoicemailShowUsersCommand() {
        super("voicemail show users", """
                Usage: voicemail show users [for <context>]
                       Lists all mailboxes currently set up""");
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (args.size() == 1 || args.size() > 2 || (args.size() == 2 && !args.get(0).equals("for"))) return false;
        String context = args.size() == 2 ? args.get(1) : null;
        VoicemailConfig cfg = VoicemailConfig.of(pbx);
        if (cfg == null || cfg.mailboxes().isEmpty()) {
            out.println("There are no voicemail users currently defined");
            return true;
        }
        List<Mailbox> boxes = cfg.mailboxes().values().stream()
                .filter(m -> context == null || m.context().equals(context)).toList();
        if (boxes.isEmpty()) {
            out.println("No such voicemail context \"" + context + "\"");
            return true;
        }
        VoicemailSpool spool = VoicemailSpool.of(pbx);
        out.printf(FORMAT, "Context", "Mbox", "User", "Zone", "NewMsg");
        for (Mailbox m : boxes) {
            out.printf(FORMAT, m.context(), m.box(), m.fullName(), m.option("tz", ""), spool.count(m, "INBOX"));
        }
        out.println(boxes.size() + " voicemail users configured.");
        return true;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        if (args.isEmpty()) return List.of("for");
        VoicemailConfig cfg = VoicemailConfig.of(pbx);
        if (args.size() != 1 || cfg == null) return List.of();
        return cfg.mailboxes().values().stream().map(Mailbox::context).distinct().toList();
    }
}
