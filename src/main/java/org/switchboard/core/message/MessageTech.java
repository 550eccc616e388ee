package org.switchboard.core.message;

import java.util.List;
import org.switchboard.core.Channel;

/**
 * A technology that sends text messages out (Asterisk's ast_msg_tech): {@code MessageSend}
 * picks one by the destination URI's scheme. A channel module registers its own with
 * {@link MessageTechs} as it loads.
 */
public interface MessageTech {
    /** MessageSend's outcomes, as MESSAGE_SEND_STATUS names them. */
    enum Status { SUCCESS, FAILURE, INVALID_PROTOCOL, INVALID_URI }

    /** The URI schemes this technology sends to ({@code skype}, {@code xmpp}), lower case. */
    List<String> schemes();

    /**
     * Sends {@code message} to {@code destination} (the URI after its scheme and colon) from
     * {@code from} (the technology's own name for a sender; empty: its default). Logs why when it
     * cannot; never throws.
     */
    Status send(Channel c, TextMessage message, String destination, String from);

    /**
     * Whether {@code from} (or, when it is empty, the endpoint {@code message} arrived on) is one of
     * this technology's own senders: decides between technologies that share a scheme.
     */
    default boolean claims(Channel c, TextMessage message, String from) { return false; }
}
