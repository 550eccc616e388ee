package org.switchboard.channels.skype;

/** How a {@link SkypeMedia#ready()} future fails: the reason the call ends with. */
final class SkypeMediaFailure extends Exception {
    private final SkypeMedia.Failure failure;

    SkypeMediaFailure(SkypeMedia.Failure failure, String message) {
        super(message, null, false, false);
        this.failure = failure;
    }

    SkypeMedia.Failure failure() { return failure; }
}
