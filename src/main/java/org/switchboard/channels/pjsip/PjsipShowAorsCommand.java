package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;

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
        PjsipShow.table(out, PjsipShow.AOR_HEADER, pjsip.settings().aors().values(), a -> PjsipShow.aor(pjsip, a, "", out));
        return true;
    }
}
