package org.switchboard.channels.skype;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.ModuleDeclinedException;
import org.switchboard.core.Pbx;

/** {@code skype reload}: re-reads chan_skype.conf; accounts that did not change stay logged in. */
public final class SkypeReloadCommand implements CliCommand {
    @Override public List<String> words() { return List.of("skype", "reload"); }
    @Override public String usage() { return "Usage: skype reload\n       Re-reads chan_skype.conf without dropping unchanged accounts."; }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        SkypeModule m = SkypeModule.get(pbx);
        if (m == null) {
            out.println("chan_skype is not running.");
            return true;
        }
        try {
            List<String> changes = m.reloadSummary(pbx);
            out.println(changes.isEmpty() ? "Skype reloaded: no account changed." : "Skype reloaded: " + String.join(", ", changes) + ".");
        } catch (ModuleDeclinedException e) {
            out.println("Skype reload failed: " + e.getMessage());
        }
        return true;
    }
}
