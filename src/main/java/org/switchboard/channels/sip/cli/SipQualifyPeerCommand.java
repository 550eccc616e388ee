package org.switchboard.channels.sip.cli;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.core.Pbx;

/** {@code sip qualify peer <name>}: sends an OPTIONS to the peer now; the status changes when it answers. */
public final class SipQualifyPeerCommand extends SipCliCommand {
    public SipQualifyPeerCommand() {
        super("sip qualify peer", """
            Usage: sip qualify peer <name>
                   Send a SIP OPTIONS request to a peer.""");
    }

    @Override
    boolean execute(SipModule sip, List<String> args, PrintWriter out) {
        if (args.size() != 1) return false;
        SipPeer p = sip.stack().settings().peer(args.get(0));
        if (p == null || !p.type().isPeer()) {
            out.println("Peer '" + args.get(0) + "' not found");
            return true;
        }
        sip.background().qualifier().qualify(p);
        return true;
    }

    @Override
    public List<String> complete(Pbx pbx, List<String> args) {
        return args.size() == 1 ? peerNames(pbx, args.get(0)) : List.of();
    }
}
