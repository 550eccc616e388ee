package org.switchboard.net.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * How an {@link IceDtlsTransport} gathers and how long it waits.
 *
 * @param hostAddresses  where host candidates are bound (one socket each); tests use 127.0.0.1
 * @param stun           a STUN server for a server-reflexive candidate (rtp.conf {@code stunaddr}), or null
 * @param portMin        lowest UDP port to bind (0 with portMax 0: any free port)
 * @param portMax        highest UDP port to bind
 * @param failAfter      from {@code setRemote}, ICE must select a pair and DTLS finish within this
 * @param consentTimeout RFC 7675 §5.1: without a consent response for this long, the call ends (30 s)
 */
public record IceSettings(List<InetAddress> hostAddresses, InetSocketAddress stun, int portMin, int portMax,
                          Duration failAfter, Duration consentTimeout) {
    public static final Duration DEFAULT_CONSENT_TIMEOUT = Duration.ofSeconds(30);

    public IceSettings {
        hostAddresses = List.copyOf(hostAddresses);
        if (hostAddresses.isEmpty()) throw new IllegalArgumentException("no address to gather host candidates on");
        if (portMin < 0 || portMax > 65535 || portMin > portMax) throw new IllegalArgumentException("ports " + portMin + "-" + portMax);
        if (failAfter == null || failAfter.isNegative() || failAfter.isZero()) failAfter = Duration.ofSeconds(15);
        if (consentTimeout == null || consentTimeout.isNegative() || consentTimeout.isZero()) consentTimeout = DEFAULT_CONSENT_TIMEOUT;
    }

    /** With RFC 7675's 30-second consent timeout. */
    public IceSettings(List<InetAddress> hostAddresses, InetSocketAddress stun, int portMin, int portMax, Duration failAfter) {
        this(hostAddresses, stun, portMin, portMax, failAfter, DEFAULT_CONSENT_TIMEOUT);
    }
}
