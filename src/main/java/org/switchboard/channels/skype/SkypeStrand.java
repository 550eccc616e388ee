package org.switchboard.channels.skype;

import org.switchboard.core.Strand;

/**
 * One Jingle session's serial executor: its events (stanzas, the dialplan's requests, media
 * outcomes, timers) run one at a time in arrival order, so its state machine needs no lock. A
 * {@link Strand} on virtual threads: a task may block (a disco query, a send) without holding
 * anything but its own session.
 */
final class SkypeStrand {
    private final Strand strand;

    SkypeStrand(String name) { this.strand = Strand.onVirtualThreads(name, SkypeAccount.LOG); }

    void execute(Runnable task) { strand.execute(task); }
}
