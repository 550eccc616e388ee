package org.switchboard.channels.sip.transport;

import java.util.function.Consumer;
import org.switchboard.channels.sip.message.SipMessage;

/** Sends one message; what transactions need of a transport. Never blocks, never throws for I/O. */
@FunctionalInterface
public interface SipSender {
    void send(SipMessage message, Endpoint to);

    /**
     * Sends, and calls {@code onFailure} (on a network thread) if the message could not be
     * handed to the network, e.g. a refused TCP connection (RFC 3261 §17.1.4, §18.4).
     */
    default void send(SipMessage message, Endpoint to, Consumer<Throwable> onFailure) { send(message, to); }
}
