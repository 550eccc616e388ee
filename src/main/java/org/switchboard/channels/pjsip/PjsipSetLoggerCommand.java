package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code pjsip set logger on|off|host <addr>}: res_pjsip_logger's message tracing on the stack's own trace. */
public final class PjsipSetLoggerCommand extends PjsipCliCommand {
    public PjsipSetLoggerCommand() {
        super("pjsip set logger", """
            Usage: pjsip set logger {on|off|host <name/subnet>}
                   Enables or disabling logging of SIP packets
                   read on TCP/UDP/TLS/WS/WSS transports or to or
                   from a specific host.""");
    }

    @Override
    boolean execute(PjsipModule pjsip, List<String> args, PrintWriter out) {
        var debug = pjsip.stack().debug();
        if (args.size() == 1 && args.get(0).equalsIgnoreCase("on")) {
            debug.on();
            out.println("PJSIP Logging enabled");
            return true;
        }
        if (args.size() == 1 && args.get(0).equalsIgnoreCase("off")) {
            debug.off();
            out.println("PJSIP Logging disabled");
            return true;
        }
        if (args.size() == 2 && args.get(0).toLowerCase(Locale.ROOT).equals("host")) {
            String ip = args.get(1).strip();
            if (!ip.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                out.println("Unable to resolve host '" + ip + "' (an IP address)");
                return true;
            }
            debug.onlyAddress(ip);
            out.println("PJSIP Logging Enabled for host: " + ip);
            return true;
        }
        return false;
    }
}
