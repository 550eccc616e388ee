package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.channels.sip.registry.RegistrationClient;

/**
 * {@code pjsip send register <registration> | *all} and {@code pjsip send unregister ...}
 * (res_pjsip_outbound_registration): unregister, then register again and refresh as configured;
 * or unregister and stop. Quiet when it worked, as Asterisk's.
 */
public final class PjsipSendRegisterCommand extends PjsipCliCommand {
    private final boolean register;

    private PjsipSendRegisterCommand(boolean register, String words, String usage) {
        super(words, usage);
        this.register = register;
    }

    public static PjsipSendRegisterCommand register() {
        return new PjsipSendRegisterCommand(true, "pjsip send register", """
            Usage: pjsip send register <registration> | *all
                   Unregisters the specified (or all) outbound registration(s) then starts registration(s) and schedules re-registrations.""");
    }

    public static PjsipSendRegisterCommand unregister() {
        return new PjsipSendRegisterCommand(false, "pjsip send unregister", """
            Usage: pjsip send unregister <registration> | *all
                   Unregisters the specified (or all) outbound registration(s) and stops future registration attempts.""");
    }

    @Override
    boolean execute(PjsipModule pjsip, List<String> args, PrintWriter out) {
        if (args.size() != 1) return false;
        PjsipRegistrations regs = pjsip.registrations();
        String name = args.get(0);
        if (name.equals("*all")) {
            if (regs != null) regs.registry().clients().forEach(this::apply);
            out.println(register ? "Re-register all queued" : "Unregister all queued");
            return true;
        }
        RegistrationClient c = regs == null ? null : regs.client(name);
        if (c == null) {
            out.println("Unable to retrieve registration " + name);
            return true;
        }
        apply(c);
        return true;
    }

    private void apply(RegistrationClient c) {
        if (register) c.reregister();
        else c.unregister();
    }

    @Override
    public List<String> complete(org.switchboard.core.Pbx pbx, List<String> args) {
        PjsipModule m = PjsipModule.get(pbx);
        if (m == null || m.registrations() == null || args.size() != 1) return List.of();
        String word = args.get(0);
        List<String> names = new java.util.ArrayList<>(List.of("*all"));
        m.registrations().registry().clients().forEach(c -> names.add(c.registration().peer()));
        return names.stream().filter(n -> n.startsWith(word)).toList();
    }
}
