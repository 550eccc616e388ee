package org.switchboard.channels.sip.call;

import org.switchboard.channels.sip.message.Headers;

/**
 * Header changes a channel asks of the INVITE it is about to send, kept as the channel's
 * datastore under this class (PJSIP_HEADER's add/update/remove from a pre-dial handler).
 */
public interface OutgoingHeaderEdits extends AutoCloseable {
    /** Applies the edits to the INVITE's headers, after ours and SIPAddHeader's. */
    void applyTo(Headers.Builder headers);

    @Override default void close() {}
}
