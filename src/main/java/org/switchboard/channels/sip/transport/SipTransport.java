package org.switchboard.channels.sip.transport;

import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.switchboard.channels.sip.message.SipMessage;

/**
 * One bound SIP transport (UDP socket or TCP listener with its connections). Sending is
 * asynchronous; a failure to send is logged, never thrown. Messages over
 * {@link org.switchboard.channels.sip.message.SipLimits#maxMessageSize()} are refused both ways.
 */
public interface SipTransport extends SipSender, AutoCloseable {

    Protocol protocol();

    /** The address actually bound (with the real port when 0 was asked for). */
    InetSocketAddress localAddress();

    @Override void close();

    /** Sends over whichever transport matches the endpoint's protocol. */
    static SipSender router(SipTransport udp, SipTransport tcp) { return router(udp, tcp, null); }

    /** Sends over whichever of UDP, TCP and TLS matches the endpoint's protocol (null: not running). */
    static SipSender router(SipTransport udp, SipTransport tcp, SipTransport tls) {
        return new SipSender() {
            @Override public void send(SipMessage message, Endpoint to) { send(message, to, null); }

            @Override public void send(SipMessage message, Endpoint to, Consumer<Throwable> onFailure) {
                SipTransport t = switch (to.protocol()) {
                    case TCP -> tcp;
                    case TLS -> tls;
                    case UDP -> udp;
                    case WS, WSS -> null; // SipStack hands WebSocket flows to its WsSipTransport
                };
                if (t != null) t.send(message, to, onFailure);
                else if (onFailure != null) onFailure.accept(new IllegalStateException("no transport for " + to.protocol()));
            }
        };
    }
}
