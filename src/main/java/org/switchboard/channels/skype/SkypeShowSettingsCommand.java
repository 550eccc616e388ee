package org.switchboard.channels.skype;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/** {@code skype show settings}: chan_skype.conf as it is in force (secrets hidden). */
public final class SkypeShowSettingsCommand implements CliCommand {
    @Override public List<String> words() { return List.of("skype", "show", "settings"); }
    @Override public String usage() { return "Usage: skype show settings\n       Shows the chan_skype.conf settings in force."; }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        SkypeModule m = SkypeModule.get(pbx);
        SkypeConfig c = m == null ? null : m.config();
        if (c == null) {
            out.println("chan_skype is not running.");
            return true;
        }
        SkypeConfig.General g = c.general();
        out.println("Skype settings");
        out.println("  Default user:      " + (g.defaultUser() == null ? "(first account)" : g.defaultUser()));
        out.println("  Licenses:          " + g.licenses());
        out.println("  Server:            " + (g.server() == null ? "(the account's domain)" : g.server()) + ":" + g.port());
        out.println("  Domain:            " + (g.domain() == null ? "" : g.domain()));
        out.println("  Message hold:      " + g.messageHoldMs() / 1000.0 + " s");
        for (SkypeConfig.Account a : c.accounts().values()) {
            out.println();
            out.println("  [" + a.name() + "]");
            out.println("    JID:             " + a.jid() + "/" + a.resource());
            out.println("    Server:          " + (a.server() == null ? a.domain() : a.server()) + ":" + a.port());
            out.println("    TLS verify:      " + (a.tlsVerify() ? "yes" : "no") + (a.tlsCaFile() == null ? "" : " (CA " + a.tlsCaFile() + ")"));
            out.println("    Context/exten:   " + a.context() + "," + a.exten());
            out.println("    Auth policy:     " + a.authPolicy().name().toLowerCase(java.util.Locale.ROOT));
            out.println("    Status:          " + a.status() + (a.statusMessage().isEmpty() ? "" : " (" + a.statusMessage() + ")"));
            out.println("    Chat context:    " + (a.chatContext() == null ? "(none)" : a.chatContext()));
            out.println("    Message hold:    " + a.messageHoldMs() / 1000.0 + " s");
        }
        return true;
    }
}
