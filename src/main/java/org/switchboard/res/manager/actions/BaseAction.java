package org.switchboard.res.manager.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerEvent;

/** What res_manager's own actions share: their docs as fields, and small helpers. */
abstract class BaseAction extends org.switchboard.core.AbstractManagerAction {
    BaseAction(String name, String privilege, String synopsis, String syntax, String description) {
        super(name, privilege, synopsis, syntax, description);
    }

    static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** The channel snapshot fields every channel event carries (Channel ... Linkedid). */
    static Map<String, Object> snapshot(Channel c) {
        return new LinkedHashMap<>(ManagerEvent.of("x", "call").channel(c).build().fields());
    }

    static boolean isBlank(String s) { return s == null || s.isBlank(); }

    static boolean isTrue(String v) { return org.switchboard.config.AstTrue.isTrue(v); }

    /** {@code 00:01:05} as core show channels prints durations. */
    static String duration(long millis) {
        long s = Math.max(0, millis / 1000);
        return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
