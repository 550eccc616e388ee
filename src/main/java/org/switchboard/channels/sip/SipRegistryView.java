package org.switchboard.channels.sip;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.channels.sip.config.SipRegistration;

/**
 * The {@code register =>} lines as {@code sip show registry} and SIPshowregistry list them: each
 * client's state, refresh and registration time.
 */
public final class SipRegistryView {
    /** One registration: host and port registered to, user ({@code user@domain}), refresh seconds, state, time registered (epoch s, 0 = never). */
    public record Entry(String host, int port, String user, String domain, int refresh, String state, long regTime) {}

    private SipRegistryView() {}

    public static List<Entry> entries(SipStack stack) {
        List<Entry> out = new ArrayList<>();
        SipModule m = SipModule.get(stack.pbx());
        SipBackground bg = m == null ? null : m.background();
        if (bg == null) return out; // the module is not (or no longer) running
        for (org.switchboard.channels.sip.registry.RegistrationClient c : bg.registry().clients()) {
            SipRegistration r = c.registration();
            out.add(new Entry(c.host(), c.port(), c.username(), r.domain(), c.refreshSeconds(), c.state().text(),
                c.registeredAtMillis() / 1000));
        }
        return out;
    }
}
