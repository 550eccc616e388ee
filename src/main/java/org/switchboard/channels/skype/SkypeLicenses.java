package org.switchboard.channels.skype;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * {@code [general] licenses=N}: one simultaneous call, in or out, per license, across every
 * account (Skype for Asterisk sold them one call each). Lock-free; a call takes one before its
 * channel exists and gives it back exactly once when it ends.
 */
final class SkypeLicenses {
    private final AtomicInteger inUse = new AtomicInteger();
    private final IntSupplier licensed;
    private final Runnable changed;

    /** @param changed told (on the caller's thread) whenever the count moves: presence follows it */
    SkypeLicenses(IntSupplier licensed, Runnable changed) {
        this.licensed = licensed;
        this.changed = changed;
    }

    /** Takes a license; false when all are in use. */
    boolean acquire() {
        for (;;) {
            int n = inUse.get();
            if (n >= licensed.getAsInt()) return false;
            if (inUse.compareAndSet(n, n + 1)) break;
        }
        changed.run();
        return true;
    }

    void release() {
        inUse.updateAndGet(n -> Math.max(0, n - 1));
        changed.run();
    }

    int inUse() { return inUse.get(); }

    int licensed() { return licensed.getAsInt(); }

    /** Every license is taken: accounts show "On the phone". */
    boolean exhausted() { int l = licensed.getAsInt(); return l > 0 && inUse.get() >= l; }
}
