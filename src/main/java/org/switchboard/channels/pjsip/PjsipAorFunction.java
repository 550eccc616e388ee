package org.switchboard.channels.pjsip;

import java.util.Locale;
import java.util.stream.Collectors;
import org.switchboard.channels.pjsip.config.PjsipAor;

/** PJSIP_AOR(aor,field): a setting of a pjsip.conf aor; {@code contact} lists its contacts' ids for PJSIP_CONTACT. */
public final class PjsipAorFunction extends PjsipObjectFunction {
    public PjsipAorFunction() { super("AOR"); }

    @Override public String name() { return "PJSIP_AOR"; }
    @Override public String synopsis() { return "Get information about a PJSIP AOR"; }
    @Override public String syntax() { return "PJSIP_AOR(name,field)"; }

    @Override
    public String description() {
        return """
                field: contact (the ids of its static and registered contacts, comma-separated, for
                PJSIP_CONTACT), max_contacts, remove_existing, default_expiration,
                minimum_expiration, maximum_expiration, qualify_frequency. An unknown AOR or field: a
                warning and an empty result.""";
    }

    @Override Object find(PjsipModule m, String id) { return m.settings().aor(id); }

    @Override
    String field(PjsipModule m, Object o, String field) {
        PjsipAor a = (PjsipAor) o;
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "contact" -> PjsipContacts.ofAor(m.stack(), a).stream().map(PjsipContacts::id).collect(Collectors.joining(","));
            case "max_contacts" -> Integer.toString(a.maxContacts());
            case "remove_existing" -> bool(a.removeExisting());
            case "default_expiration" -> Integer.toString(a.defaultExpiration());
            case "minimum_expiration" -> Integer.toString(a.minimumExpiration());
            case "maximum_expiration" -> Integer.toString(a.maximumExpiration());
            case "qualify_frequency" -> Integer.toString(a.qualifyFrequency());
            default -> null;
        };
    }
}
