package org.switchboard.res.manager;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/** What a {@link ManagerSession} needs from its connection; the Netty handler implements it. */
interface AmiTransport {
    /**
     * Queues one rendered message for the client without blocking.
     *
     * @return false when the client's queue is full (sendqueuelimit); the transport then disconnects it
     */
    boolean send(byte[] message);

    /** The logged-in user's writetimeout: a socket that takes nothing for this long is disconnected. */
    void writeTimeoutMs(int ms);

    /**
     * Closes the connection once everything already queued has been written (waiting for a slow
     * client as long as its writetimeout allows).
     *
     * @return completes when the connection is closed
     */
    CompletableFuture<Void> close();

    /** Stops or resumes reading from the client (too many actions waiting to run). */
    void setReading(boolean reading);

    InetSocketAddress remote();
    InetSocketAddress local();
}
