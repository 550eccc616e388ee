package org.switchboard.channels.sip.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.SipPeerView;

/**
 * {@code sip show peers [like <regex>]}: chan_sip's table of peers with their address, NAT
 * settings, port and qualify status, and the monitored/unmonitored online/offline footer.
 */
public final class SipShowPeersCommand extends SipCliCommand {
    static final String FORMAT2 = "%-25.25s %-39.39s %-3.3s %-10.10s %-10.10s %-3.3s %-8s %-11s %-32.32s %s%n";
    public static final String FORMAT = "%-25.25s %-39.39s %-3.3s %-10.10s %-10.10s %-3.3s %-8d %-11s %-32.32s %s%n";

    public SipShowPeersCommand() {
        super("sip show peers", """
            Usage: sip show peers [like <pattern>]
                   Lists all known SIP peers.
                   Optional regular expression pattern is used to filter the peer list.""");
    }

    @Override
    boolean execute(SipModule sip, List<String> args, PrintWriter out) {
        Pattern like = null;
        if (!args.isEmpty()) {
            if (args.size() != 2 || !args.get(0).equalsIgnoreCase("like")) return false;
            try {
                like = Pattern.compile(args.get(1));
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
        out.printf(FORMAT2, "Name/username", "Host", "Dyn", "Forcerport", "Comedia", "ACL", "Port", "Status", "Description", "");
        int monOn = 0, monOff = 0, unmonOn = 0, unmonOff = 0;
        List<SipPeerView> peers = SipPeerView.all(sip.stack(), like);
        for (SipPeerView v : peers) {
            String user = v.username();
            String name = user == null || user.isEmpty() ? v.peer().name() : v.peer().name() + "/" + user;
            out.printf(FORMAT, name, v.ip() == null ? "(Unspecified)" : v.ip(), v.peer().isDynamic() ? " D " : "   ",
                v.forceRport(), v.comedia(), v.peer().acl().isEmpty() ? "   " : " A ", v.port(), v.status(), "", "");
            if (v.monitored()) {
                if (v.online()) monOn++; else monOff++;
            } else {
                if (v.online()) unmonOn++; else unmonOff++;
            }
        }
        out.printf("%d sip peers [Monitored: %d online, %d offline Unmonitored: %d online, %d offline]%n",
            peers.size(), monOn, monOff, unmonOn, unmonOff);
        return true;
    }

    @Override
    public List<String> complete(org.switchboard.core.Pbx pbx, List<String> args) {
        return args.size() == 1 && "like".startsWith(args.get(0).toLowerCase(java.util.Locale.ROOT)) ? List.of("like") : List.of();
    }
}
