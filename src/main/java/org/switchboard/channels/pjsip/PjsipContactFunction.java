package org.switchboard.channels.pjsip;

import java.util.Locale;
import org.switchboard.channels.pjsip.config.PjsipAor;
import org.switchboard.channels.pjsip.config.PjsipEndpoint;
import org.switchboard.channels.sip.registrar.Binding;

/** PJSIP_CONTACT(contact_id,field): a contact of an aor, by the id PJSIP_AOR(aor,contact) gives. */
public final class PjsipContactFunction extends PjsipObjectFunction {
    public PjsipContactFunction() { super("contact"); }

    @Override public String name() { return "PJSIP_CONTACT"; }
    @Override public String synopsis() { return "Get information about a PJSIP contact"; }
    @Override public String syntax() { return "PJSIP_CONTACT(name,field)"; }

    @Override
    public String description() {
        return """
                name is a contact id (aor;@hash) from PJSIP_AOR(aor,contact). field: uri, aor,
                endpoint, expiration_time (epoch seconds, 0 for a static contact), user_agent,
                via_addr, via_port, call_id, qualify_frequency, status (Reachable, Unreachable,
                Unknown; Unknown while not qualified), rtt. An unknown contact or field: a warning
                and an empty result.""";
    }

    @Override Object find(PjsipModule m, String id) { return PjsipContacts.byId(m.stack(), m.settings(), id); }

    @Override
    String field(PjsipModule m, Object o, String field) {
        PjsipContacts.Contact c = (PjsipContacts.Contact) o;
        Binding b = c.binding();
        PjsipAor aor = m.settings().aor(c.aor());
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "uri" -> c.uri();
            case "aor" -> c.aor();
            case "endpoint" -> endpointOf(m, c.aor());
            case "expiration_time" -> b == null ? "0" : Long.toString(b.expiresAt().getEpochSecond());
            case "user_agent" -> b == null ? "" : orEmpty(b.userAgent());
            case "via_addr" -> b == null || b.source() == null ? "" : b.source().getAddress().getHostAddress();
            case "via_port" -> b == null || b.source() == null ? "0" : Integer.toString(b.source().getPort());
            case "call_id" -> b == null ? "" : orEmpty(b.callId());
            case "qualify_frequency" -> aor == null ? "0" : Integer.toString(aor.qualifyFrequency());
            case "status" -> "Unknown";
            case "rtt" -> "0";
            default -> null;
        };
    }

    /** The endpoint that lists the aor (res_pjsip fills it in for a registered contact), or empty. */
    private static String endpointOf(PjsipModule m, String aor) {
        for (PjsipEndpoint e : m.settings().endpoints().values()) if (e.aors().contains(aor)) return e.name();
        return "";
    }
}
