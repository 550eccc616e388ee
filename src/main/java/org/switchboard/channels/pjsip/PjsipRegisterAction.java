package org.switchboard.channels.pjsip;

import org.switchboard.channels.sip.registry.RegistrationClient;
import org.switchboard.core.AbstractManagerAction;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/**
 * AMI {@code PJSIPRegister} and {@code PJSIPUnregister} (res_pjsip_outbound_registration): one
 * outbound registration, or {@code *all}, unregistered and then registered again (refreshed as
 * configured), or unregistered with no further attempts. Registry events follow each outcome.
 */
public final class PjsipRegisterAction extends AbstractManagerAction {
    private final boolean register;

    private PjsipRegisterAction(boolean register, String name, String synopsis, String description) {
        super(name, "system,all", synopsis,
            "Action: " + name + "\nActionID: <value>\nRegistration: <value>", description);
        this.register = register;
    }

    public static PjsipRegisterAction register() {
        return new PjsipRegisterAction(true, "PJSIPRegister", "Register an outbound registration.",
            "Unregisters the specified (or all) outbound registration(s) then starts registration and schedules re-registrations according to configuration.");
    }

    public static PjsipRegisterAction unregister() {
        return new PjsipRegisterAction(false, "PJSIPUnregister", "Unregister an outbound registration.",
            "Unregisters the specified (or all) outbound registration(s) and stops future registration attempts. "
                + "Call PJSIPRegister to start registration and schedule re-registrations according to configuration.");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        PjsipModule m = PjsipModule.get(request.pbx());
        if (m == null || m.stack() == null) {
            reply.error("chan_pjsip is not running");
            return;
        }
        String name = request.get("Registration", "").strip();
        if (name.isEmpty()) {
            reply.error("Registration parameter missing.");
            return;
        }
        PjsipRegistrations regs = m.registrations();
        if (name.equals("*all")) {
            if (regs != null) regs.registry().clients().forEach(this::apply);
            reply.success(register ? "Reregistrations queued." : "Unregistrations queued.");
            return;
        }
        RegistrationClient c = regs == null ? null : regs.client(name);
        if (c == null) {
            reply.error("Unable to retrieve registration entry");
            return;
        }
        apply(c);
        reply.success(register ? "Reregistration sent" : "Unregistration sent");
    }

    private void apply(RegistrationClient c) {
        if (register) c.reregister();
        else c.unregister();
    }
}
