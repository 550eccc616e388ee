package org.switchboard.channels.sip.cli;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.core.ModuleDeclinedException;

/** {@code sip reload}: re-reads sip.conf; calls and registrations are kept. Quiet unless it fails. */
public final class SipReloadCommand extends SipCliCommand {
    public SipReloadCommand() {
        super("sip reload", """
            Usage: sip reload
                   Reloads SIP configuration from sip.conf""");
    }

    @Override
    boolean execute(SipModule sip, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        try {
            sip.reload(sip.stack().pbx());
        } catch (ModuleDeclinedException | RuntimeException e) {
            out.println("SIP reload failed: " + e.getMessage());
        }
        return true;
    }
}
