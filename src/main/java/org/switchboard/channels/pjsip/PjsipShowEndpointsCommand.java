package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.channels.pjsip.config.PjsipEndpoint;

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
        out.print(PjsipShow.ENDPOINT_HEADER);
        out.println();
        int n = 0;
        for (PjsipEndpoint e : pjsip.settings().endpoints().values()) {
            PjsipShow.endpoint(pjsip, e, out);
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
