package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.ModuleDeclinedException;

/** {@code pjsip reload}: re-reads pjsip.conf; calls and registrations are kept. Quiet unless it fails. */
public final class PjsipReloadCommand extends PjsipCliCommand {
    public PjsipReloadCommand() {
        super("pjsip reload", """
            Usage: pjsip reload
                   Reloads the pjsip.conf configuration""");
    }

    @Override
    boolean execute(PjsipModule pjsip, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        try {
            pjsip.reload(pjsip.stack().pbx());
        } catch (ModuleDeclinedException | RuntimeException e) {
            out.println("PJSIP reload failed: " + e.getMessage());
        }
        return true;
    }
}
