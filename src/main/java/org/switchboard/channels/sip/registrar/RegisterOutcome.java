package org.switchboard.channels.sip.registrar;

import java.util.List;
import org.switchboard.channels.sip.message.SipResponse;

/**
 * What the registrar decided about one REGISTER.
 *
 * @param response the response to send, or null: drop the request silently (a blocked address)
 * @param peer     the peer the REGISTER was for when it was found and authenticated, else null
 * @param events   binding changes made (empty unless the response is a 200)
 */
public record RegisterOutcome(SipResponse response, String peer, List<BindingEvent> events) {

    public RegisterOutcome {
        events = List.copyOf(events);
    }

    static RegisterOutcome reply(SipResponse response) { return new RegisterOutcome(response, null, List.of()); }

    static RegisterOutcome drop() { return new RegisterOutcome(null, null, List.of()); }

    public boolean isDropped() { return response == null; }
}
