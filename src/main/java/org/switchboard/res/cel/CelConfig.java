package org.switchboard.res.cel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigSection;

/**
 * cel.conf: {@code [general]} {@code enable}, {@code events} (ALL or a case-sensitive list),
 * {@code apps} (case-insensitive list, for APP_START/APP_END), {@code dateformat}; {@code [manager]}
 * {@code enabled} and {@code show_user_defined} (cel_manager). Unknown event names are problems
 * with file:line and are left out, as Asterisk warns and ignores them.
 */
public record CelConfig(boolean enabled, Set<CelEventType> events, Set<String> apps, String dateFormat,
                        boolean managerEnabled, boolean showUserDefined, List<String> problems) {
    public static final String FILE = "cel.conf";

    public static CelConfig disabled() {
        return new CelConfig(false, EnumSet.noneOf(CelEventType.class), Set.of(), null, false, false, List.of());
    }

    public static CelConfig from(Config conf) {
        List<String> problems = new ArrayList<>();
        ConfigSection g = conf.section("general");
        ConfigSection m = conf.section("manager");
        if (g == null) return new CelConfig(false, EnumSet.noneOf(CelEventType.class), Set.of(), null,
                m != null && isTrue(m.get("enabled")), m != null && isTrue(m.get("show_user_defined")), problems);
        Set<CelEventType> events = EnumSet.noneOf(CelEventType.class);
        String ev = g.get("events");
        if (ev != null) {
            for (String name : ev.split(",")) {
                String n = name.trim();
                if (n.isEmpty()) continue;
                if (n.equalsIgnoreCase("ALL")) {
                    events.addAll(EnumSet.allOf(CelEventType.class));
                    continue;
                }
                CelEventType t = CelEventType.named(n);
                if (t == null) problems.add(where(g, "events") + ": Unknown event name '" + n + "'");
                else events.add(t);
            }
        }
        Set<String> apps = new TreeSet<>();
        String ap = g.get("apps");
        if (ap != null) for (String a : ap.split(",")) if (!a.isBlank()) apps.add(a.trim().toLowerCase(Locale.ROOT));
        if (!apps.isEmpty() && !events.contains(CelEventType.APP_START) && !events.contains(CelEventType.APP_END)) {
            problems.add(where(g, "apps") + ": Applications are listed to be tracked, but APP events are not tracked");
        }
        return new CelConfig(isTrue(g.get("enable")), events, apps, g.get("dateformat"),
                m != null && isTrue(m.get("enabled")), m != null && isTrue(m.get("show_user_defined")), problems);
    }

    /** file:line of the key's last entry (the one that counts), else of the section. */
    private static String where(ConfigSection s, String key) {
        String at = s.file() + ":" + s.line();
        for (org.switchboard.config.ConfigEntry e : s.entries()) if (e.key().equalsIgnoreCase(key)) at = e.file() + ":" + e.line();
        return at;
    }

    boolean tracks(CelEventType t) { return enabled && events.contains(t); }

    boolean tracksApp(String app) { return app != null && apps.contains(app.toLowerCase(Locale.ROOT)); }

    private static boolean isTrue(String v) { return org.switchboard.config.AstTrue.isTrue(v); }
}
