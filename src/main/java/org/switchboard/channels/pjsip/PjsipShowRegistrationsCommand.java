package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.switchboard.channels.pjsip.config.PjsipRegistration;
import org.switchboard.channels.sip.registry.RegistrationClient;
import org.switchboard.channels.sip.registry.RegistrationState;

/**
 * {@code pjsip show registrations}: res_pjsip_outbound_registration's table, one row per
 * {@code type=registration}: name/server_uri, its outbound auth, its status (with the seconds
 * left while registered), then {@code Objects found: N}.
 */
public final class PjsipShowRegistrationsCommand extends PjsipCliCommand {
    static final String HEADER = """

         <Registration/ServerURI..............................>  <Auth....................>  <Status.......>
        """ + PjsipShow.RULE + "\n";

    public PjsipShowRegistrationsCommand() {
        super("pjsip show registrations", """
            Usage: pjsip show registrations [ like <pattern> ]
                   Lists PJSIP Registrations.""");
    }

    @Override
    boolean execute(PjsipModule pjsip, List<String> args, PrintWriter out) {
        String like = null;
        if (args.size() == 2 && args.get(0).equalsIgnoreCase("like")) like = args.get(1);
        else if (!args.isEmpty()) return false;
        PjsipRegistrations regs = pjsip.registrations();
        List<RegistrationClient> clients = regs == null ? List.of() : regs.registry().clients();
        String pattern = like;
        List<RegistrationClient> shown = clients.stream()
            .filter(c -> pattern == null || c.registration().peer().matches(pattern)).toList();
        long now = pjsip.stack().pbx().clock().millis();
        PjsipShow.table(out, HEADER, shown, c -> row(regs, c, now, out));
        return true;
    }

    private static void row(PjsipRegistrations regs, RegistrationClient c, long now, PrintWriter out) {
        PjsipRegistration r = regs.section(c);
        String name = c.registration().peer() + "/" + (r == null ? c.host() : r.serverUri());
        String auth = r == null || r.outboundAuth() == null ? "n/a" : r.outboundAuth();
        RegistrationState state = c.state();
        String exp = state == RegistrationState.REGISTERED ? String.format(Locale.ROOT, " (exp. %ds)", nextReg(c, now)) : "";
        out.printf(Locale.ROOT, " %-55s  %-26s  %s%s%n", name, auth, PjsipRegistrations.status(state), exp);
    }

    /** Seconds until the next REGISTER of a registered client, 0 when it is due or not registered. */
    static long nextReg(RegistrationClient c, long nowMillis) {
        long at = c.registeredAtMillis();
        if (at <= 0 || c.state() != RegistrationState.REGISTERED) return 0;
        // the expiry left, as res_pjsip prints "exp." from the binding's expiration
        long left = at / 1000 + c.expiresSeconds() - nowMillis / 1000;
        return Math.max(0, left);
    }
}
