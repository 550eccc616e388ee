package org.switchboard.res.cli;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.switchboard.core.Pbx;

/**
 * How {@code core stop} reaches whoever owns the process: {@code switchboard run} registers what
 * stopping means for its PBX (shut it down, close the control socket, leave). Without an owner
 * the command shuts the PBX down itself.
 */
public final class ShutdownRequests {
    private static final Map<Pbx, Runnable> OWNERS = Collections.synchronizedMap(new WeakHashMap<>());

    private ShutdownRequests() {}

    public static void register(Pbx pbx, Runnable onStop) { OWNERS.put(pbx, onStop); }

    public static void unregister(Pbx pbx) { OWNERS.remove(pbx); }

    /** @return false when nobody owns this PBX (the caller then shuts it down itself) */
    public static boolean request(Pbx pbx) {
        Runnable r = OWNERS.get(pbx);
        if (r == null) return false;
        r.run();
        return true;
    }
}
