package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.channels.pjsip.config.PjsipEndpoint;

/** {@code pjsip show endpoint <name>}: the endpoint's block, then its settings as {@code name : value}. */
public final class PjsipShowEndpointCommand extends PjsipCliCommand {
    public PjsipShowEndpointCommand() {
        super("pjsip show endpoint", """
            Usage: pjsip show endpoint <id>
                   Show PJSIP Endpoint(s) information""");
    }

    @Override
    boolean execute(PjsipModule pjsip, List<String> args, PrintWriter out) {
        if (args.size() != 1) return false;
        PjsipEndpoint e = pjsip.settings().endpoint(args.get(0));
        if (e == null) {
            out.println("Unable to find object " + args.get(0) + ".");
            return true;
        }
        out.print(PjsipShow.ENDPOINT_HEADER);
        out.println();
        PjsipShow.endpoint(pjsip, e, out);
        out.println();
        out.println(" ParameterName                      : ParameterValue");
        out.println(" " + "=".repeat(67));
        row(out, "aors", String.join(",", e.aors()));
        row(out, "auth", e.auth());
        row(out, "callerid", e.callerId());
        row(out, "context", e.context());
        row(out, "direct_media", e.directMedia());
        row(out, "disallow", "");
        row(out, "allow", "(" + String.join("|", e.codecs().stream().map(c -> c.confName()).toList()) + ")");
        row(out, "dtmf_mode", switch (e.dtmfMode()) {
            case RFC2833 -> "rfc4733";
            case INFO -> "info";
            case INBAND -> "inband";
            case AUTO -> "auto";
        });
        row(out, "force_rport", e.forceRport());
        row(out, "from_domain", e.fromDomain());
        row(out, "from_user", e.fromUser());
        row(out, "language", e.language());
        row(out, "mailboxes", e.mailboxes());
        row(out, "outbound_auth", e.outboundAuth());
        row(out, "rewrite_contact", e.rewriteContact());
        row(out, "rtp_symmetric", e.rtpSymmetric());
        row(out, "transport", e.transport());
        out.println();
        return true;
    }

    private static void row(PrintWriter out, String name, Object value) {
        String v = value == null ? "" : value instanceof Boolean b ? (b ? "true" : "false") : value.toString();
        out.printf(" %-35s: %s%n", name, v);
    }

    @Override
    public List<String> complete(org.switchboard.core.Pbx pbx, List<String> args) {
        return args.size() == 1 ? endpointNames(pbx, args.get(0)) : List.of();
    }
}
