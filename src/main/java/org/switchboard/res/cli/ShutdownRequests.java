package org.switchboard.res.cli;

import org.switchboard.core.Pbx;

/**
 * How {@code core stop} reaches whoever owns the process: {@code switchboard run} registers what
 * stopping means for its PBX (shut it down, close the control socket, leave). Without an owner
 * the command shuts the PBX down itself.
 */
public final class ShutdownRequests {
    private final Runnable onStop;

    private ShutdownRequests(Runnable onStop) { this.onStop = onStop; }

    public static void register(Pbx pbx, Runnable onStop) { pbx.register(ShutdownRequests.class, new ShutdownRequests(onStop)); }

    public static void unregister(Pbx pbx) {
        ShutdownRequests r = pbx.lookup(ShutdownRequests.class);
        if (r != null) pbx.unregister(ShutdownRequests.class, r);
    }

    /** @return false when nobody owns this PBX (the caller then shuts it down itself) */
    public static boolean request(Pbx pbx) {
        ShutdownRequests r = pbx.lookup(ShutdownRequests.class);
        if (r == null) return false;
        r.onStop.run();
        return true;
    }
}
