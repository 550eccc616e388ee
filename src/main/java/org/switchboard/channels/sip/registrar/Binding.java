package org.switchboard.channels.sip.registrar;

import java.net.InetSocketAddress;
import java.time.Instant;
import org.switchboard.channels.sip.message.SipUri;

/**
 * One registered contact of a peer (RFC 3261 §10.3): where requests for the peer go until
 * {@code expiresAt}. {@code targetHost}/{@code targetPort} is where to send them: the Contact's
 * host and port, or the REGISTER's source address when the peer's {@code nat} says so
 * (force_rport, RFC 3581), as chan_sip does.
 *
 * @param contact   the Contact URI as registered (what goes in the Request-URI)
 * @param source    where the REGISTER came from
 * @param transport "UDP" or "TCP", as the REGISTER arrived
 */
public record Binding(String peer, SipUri contact, String targetHost, int targetPort, String transport,
                      InetSocketAddress source, String callId, long cseq, String userAgent,
                      Instant registeredAt, Instant expiresAt) {

    /** Seconds left at {@code now}, 0 when expired. */
    public long expiresIn(Instant now) {
        long s = expiresAt.getEpochSecond() - now.getEpochSecond();
        return Math.max(0, s);
    }

    public boolean isExpired(Instant now) { return !now.isBefore(expiresAt); }
}
