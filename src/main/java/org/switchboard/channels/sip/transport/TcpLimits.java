package org.switchboard.channels.sip.transport;

import java.time.Duration;

/**
 * What an incoming TCP connection may cost before it has proved who it is. A connection is
 * <em>unauthenticated</em> from accept until a request on it passes authentication (or is let in
 * as a guest), as chan_sip counts them.
 *
 * @param authTimeout       sip.conf {@code tcpauthtimeout}: an unauthenticated connection is closed this
 *                          long after it opened; on any connection, a message once begun must be
 *                          complete within it (slowloris)
 * @param authLimit         sip.conf {@code tcpauthlimit}: unauthenticated connections open at once; more are refused
 * @param authLimitPerAddress sip.conf {@code tcpauthlimitperaddress} (ours): of those, from one IP address
 * @param idleTimeout       any connection without traffic this long is closed
 */
public record TcpLimits(Duration authTimeout, int authLimit, int authLimitPerAddress, Duration idleTimeout) {
    /** chan_sip's tcpauthtimeout=30 and tcpauthlimit=100; 20 from one address; 5 minutes idle. */
    public static final TcpLimits DEFAULT = new TcpLimits(Duration.ofSeconds(30), 100, 20, Duration.ofMinutes(5));

    public TcpLimits {
        if (authTimeout.isNegative() || authTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("TCP timeouts must be positive");
        }
        if (authLimit < 1 || authLimitPerAddress < 1) throw new IllegalArgumentException("TCP limits must be positive");
    }

    public TcpLimits withIdleTimeout(Duration idle) { return new TcpLimits(authTimeout, authLimit, authLimitPerAddress, idle); }
}
