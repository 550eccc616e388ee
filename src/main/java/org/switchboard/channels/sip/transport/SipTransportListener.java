package org.switchboard.channels.sip.transport;

import org.switchboard.channels.sip.message.SipMessage;

/**
 * Receives every well-formed message a transport reads, with its source. Requests arrive with
 * received/rport already stamped on the top Via (RFC 3581 §4). Called on a network thread: do not
 * block. An exception thrown here is logged and the reader carries on.
 */
@FunctionalInterface
public interface SipTransportListener {
    void onMessage(SipMessage message, Endpoint source);
}
