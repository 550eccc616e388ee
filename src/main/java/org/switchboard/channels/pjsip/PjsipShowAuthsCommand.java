package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;

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
        PjsipShow.table(out, PjsipShow.AUTH_HEADER, pjsip.settings().auths().values(), a -> PjsipShow.auth(a, out));
        return true;
    }
}
