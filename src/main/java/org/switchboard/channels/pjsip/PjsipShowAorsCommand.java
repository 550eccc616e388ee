package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.channels.pjsip.config.PjsipAor;

/** {@code pjsip show aors}: res_pjsip's table, each object on its line(s), then {@code Objects found: N}. */
public final class PjsipShowAorsCommand extends PjsipCliCommand {
    public PjsipShowAorsCommand() {
        super("pjsip show aors", """
            Usage: pjsip show aors
                   Lists PJSIP AORs.""");
    }

    @Override
    boolean execute(PjsipModule pjsip, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        out.print(PjsipShow.AOR_HEADER);
        out.println();
        int n = 0;
        for (PjsipAor a : pjsip.settings().aors().values()) {
            PjsipShow.aor(pjsip, a, "", out);
            n++;
        }
        if (n == 0) {
            out.println("No objects found.");
        } else {
            out.printf("%nObjects found: %d%n", n);
        }
        return true;
    }
}
