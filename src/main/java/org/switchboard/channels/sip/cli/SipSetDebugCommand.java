package org.switchboard.channels.sip.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.switchboard.channels.sip.SipDebug;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.SipPeerView;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.core.Pbx;

/** {@code sip set debug on|off|ip <addr>|peer <name>}: chan_sip's message tracing, with its replies. */
public final class SipSetDebugCommand extends SipCliCommand {
    public SipSetDebugCommand() {
        super("sip set debug", """
            Usage: sip set debug {on|off|ip addr[:port]|peer peername}
                   Globally disables dumping of SIP packets,
                   or enables it either globally or for a (single)
                   IP address or registered peer.""");
    }

    @Override
    boolean execute(SipModule sip, List<String> args, PrintWriter out) {
        SipDebug debug = sip.stack().debug();
        if (args.size() == 1) {
            switch (args.get(0).toLowerCase(Locale.ROOT)) {
                case "on" -> {
                    debug.on();
                    out.println("SIP Debugging enabled");
                    return true;
                }
                case "off" -> {
                    debug.off();
                    out.println("SIP Debugging Disabled");
                    return true;
                }
                default -> { return false; }
            }
        }
        if (args.size() != 2) return false;
        String what = args.get(0).toLowerCase(Locale.ROOT);
        if (what.equals("ip")) {
            String ip = ip(args.get(1));
            if (ip == null) return false;
            debug.onlyAddress(ip);
            out.println("SIP Debugging Enabled for IP: " + ip);
            return true;
        }
        if (!what.equals("peer")) return false;
        SipPeer p = sip.stack().settings().peer(args.get(1));
        if (p == null || !p.type().isPeer()) {
            out.println("No such peer '" + args.get(1) + "'");
            return true;
        }
        SipPeerView v = SipPeerView.of(sip.stack(), p);
        if (v.ip() == null) {
            out.println("Unable to get IP address of peer '" + args.get(1) + "'");
            return true;
        }
        debug.onlyAddress(v.ip());
        out.println("SIP Debugging Enabled for IP: " + v.address());
        return true;
    }

    /** The address of {@code addr[:port]} (port ignored, as the filter is by address), or null. */
    private static String ip(String text) {
        String host = text;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) return null;
            host = host.substring(1, end);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        if (args.size() == 1) {
            String w = args.get(0).toLowerCase(Locale.ROOT);
            return List.of("on", "off", "ip", "peer").stream().filter(x -> x.startsWith(w)).toList();
        }
        return args.size() == 2 && args.get(0).equalsIgnoreCase("peer") ? peerNames(pbx, args.get(1)) : List.of();
    }
}
