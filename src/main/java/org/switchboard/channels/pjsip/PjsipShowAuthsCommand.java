package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.channels.pjsip.config.PjsipAuth;

/** {@code pjsip show auths}: res_pjsip's table, each object on its line(s), then {@code Objects found: N}. */
public final class PjsipShowAuthsCommand extends PjsipCliCommand {
    public PjsipShowAuthsCommand() {
        super("pjsip show auths", """
            Usage: pjsip show auths
                   Lists PJSIP Auths.""");
    }

    @Override
    boolean execute(PjsipModule pjsip, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        out.print(PjsipShow.AUTH_HEADER);
        out.println();
        int n = 0;
        for (PjsipAuth a : pjsip.settings().auths().values()) {
            PjsipShow.auth(a, out);
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
