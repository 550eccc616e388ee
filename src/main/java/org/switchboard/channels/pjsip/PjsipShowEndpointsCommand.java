package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;

/** {@code pjsip show endpoints}: res_pjsip's table, each object on its line(s), then {@code Objects found: N}. */
public final class PjsipShowEndpointsCommand extends PjsipCliCommand {
    public PjsipShowEndpointsCommand() {
        super("pjsip show endpoints", """
            Usage: pjsip show endpoints
                   Lists PJSIP endpoints.""");
    }

    @Override
    boolean execute(PjsipModule pjsip, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        PjsipShow.table(out, PjsipShow.ENDPOINT_HEADER, pjsip.settings().endpoints().values(), e -> PjsipShow.endpoint(pjsip, e, out));
        return true;
    }
}
