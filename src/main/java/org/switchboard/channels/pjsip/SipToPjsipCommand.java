package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.channels.sip.config.SipConfig;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/**
 * {@code sip_to_pjsip} (ours, like Asterisk's contrib script): prints the pjsip.conf that does what
 * the configuration directory's sip.conf does, to be saved as pjsip.conf and reviewed. Reads
 * sip.conf itself, so it works whether chan_sip is loaded or not.
 */
public final class SipToPjsipCommand implements CliCommand {
    @Override public List<String> words() { return List.of("sip_to_pjsip"); }

    @Override
    public String usage() {
        return """
            Usage: sip_to_pjsip
                   Prints sip.conf converted to pjsip.conf: transports, an endpoint, aor and auth per
                   peer, an identify per peer with a fixed host, a registration per register => line.""";
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        if (!pbx.hasConfig("sip.conf")) {
            out.println("No sip.conf in " + pbx.configDir() + ": nothing to convert.");
            return true;
        }
        SipSettings s = SipConfig.read(pbx.config("sip.conf"));
        out.print(SipToPjsip.convert(s));
        if (!s.problems().isEmpty()) {
            out.println("; sip.conf had " + s.problems().size() + " problem(s); what they concern was left as read:");
            s.problems().forEach(p -> out.println(";   " + p));
        }
        return true;
    }
}
