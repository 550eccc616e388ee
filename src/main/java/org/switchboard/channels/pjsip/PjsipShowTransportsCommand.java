package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.channels.pjsip.config.PjsipTransport;

/** {@code pjsip show transports}: each type=transport with its protocol and the address it is bound to now. */
public final class PjsipShowTransportsCommand extends PjsipCliCommand {
    static final String HEADER = """

        Transport:  <TransportId........>  <Type>  <cos>  <tos>  <BindAddress....................>
        """ + PjsipShow.RULE + "\n";

    public PjsipShowTransportsCommand() {
        super("pjsip show transports", """
            Usage: pjsip show transports
                   Lists PJSIP Transports.""");
    }

    @Override
    boolean execute(PjsipModule pjsip, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        PjsipShow.table(out, HEADER, pjsip.settings().transports(), t -> out.printf("Transport:  %-21s  %-6s  %5d  %5d  %s%n",
            t.name(), t.protocol(), 0, 0, bound(pjsip, t)));
        return true;
    }

    /** host:port as bound: a port 0 in the config shows the port the system gave. */
    private static String bound(PjsipModule m, PjsipTransport t) {
        java.net.InetSocketAddress a = switch (t.protocol()) {
            case "udp" -> m.stack().udpAddress();
            case "tcp" -> m.stack().tcpAddress();
            case "tls" -> m.stack().tlsAddress();
            default -> null;
        };
        int port = a != null && t.port() == 0 ? a.getPort() : t.port();
        return t.host() + ":" + port;
    }
}
