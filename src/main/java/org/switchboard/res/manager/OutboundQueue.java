package org.switchboard.res.manager;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered messages waiting for one client's socket, counted in bytes: what a client that does
 * not read can cost us is bounded by what it is sent, not by how many messages. Many producers
 * (the session's thread, call threads publishing events), one consumer (the connection's event
 * loop). The count is raised before a message is added and lowered after it is taken, so it never
 * reads less than what the queue holds.
 */
final class OutboundQueue {
    private final ConcurrentLinkedQueue<byte[]> messages = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytes = new AtomicLong();

    /**
     * Adds the message unless {@code alsoWaiting} (bytes already handed to the socket layer) plus
     * what is queued would pass {@code limit} with it. A message always fits when nothing waits at
     * all, so one response larger than the limit is still sent to a client that reads.
     */
    boolean offer(byte[] message, long alsoWaiting, long limit) {
        long now = bytes.addAndGet(message.length);
        if (now + alsoWaiting > limit && now + alsoWaiting > message.length) {
            bytes.addAndGet(-message.length);
            return false;
        }
        messages.offer(message);
        return true;
    }

    byte[] poll() {
        byte[] m = messages.poll();
        if (m != null) bytes.addAndGet(-m.length);
        return m;
    }

    byte[] peek() { return messages.peek(); }

    boolean isEmpty() { return messages.isEmpty(); }

    /** Bytes queued (never less than the queue holds). */
    long bytes() { return Math.max(0, bytes.get()); }

    void clear() {
        while (poll() != null) {
            // each taken message lowers the count
        }
    }
}
