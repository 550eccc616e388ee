package org.switchboard.res.cdr;

import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigSection;

/**
 * cdr.conf {@code [general]}, with the defaults Asterisk 20's cdr.c registers (which differ from
 * the sample file's comments in one place: {@code endbeforehexten} is on unless set to no).
 *
 * @param batchSize  records kept before a batch is posted ({@code size}, 100)
 * @param batchTimeSeconds the longest a record waits in a batch ({@code time}, 300 s)
 */
public record CdrConfig(boolean enabled, boolean channelDefaultEnabled, boolean unanswered, boolean congestion,
                        boolean endBeforeHExten, boolean initiatedSeconds, boolean batch, int batchSize,
                        int batchTimeSeconds, boolean safeShutdown, boolean ignoreStateChanges,
                        boolean ignoreDialChanges, boolean cancelDisposition) {
    public static final String FILE = "cdr.conf";
    /** cdr.c's MAX_BATCH_SIZE and MAX_BATCH_TIME. */
    static final int MAX_BATCH_SIZE = 1000, MAX_BATCH_TIME = 86400;

    public static final CdrConfig DEFAULTS = new CdrConfig(true, true, false, false, true, false, false, 100, 300,
            true, false, false, false);

    /** Reads [general]; a file without it (or no file) gives the defaults. Bad numbers keep the default. */
    public static CdrConfig from(Config conf, java.util.List<String> problems) {
        ConfigSection g = conf == null ? null : conf.section("general");
        if (g == null) return DEFAULTS;
        CdrConfig d = DEFAULTS;
        return new CdrConfig(
                flag(g, "enable", d.enabled),
                flag(g, "channeldefaultenabled", d.channelDefaultEnabled),
                flag(g, "unanswered", d.unanswered),
                flag(g, "congestion", d.congestion),
                flag(g, "endbeforehexten", d.endBeforeHExten),
                flag(g, "initiatedseconds", d.initiatedSeconds),
                flag(g, "batch", d.batch),
                number(g, "size", d.batchSize, 0, MAX_BATCH_SIZE, problems),
                number(g, "time", d.batchTimeSeconds, 1, MAX_BATCH_TIME, problems),
                flag(g, "safeshutdown", d.safeShutdown),
                flag(g, "ignorestatechanges", d.ignoreStateChanges),
                flag(g, "ignoredialchanges", d.ignoreDialChanges),
                flag(g, "canceldispositionenabled", d.cancelDisposition));
    }

    private static boolean flag(ConfigSection g, String key, boolean dflt) {
        String v = g.get(key);
        return v == null ? dflt : isTrue(v);
    }

    private static int number(ConfigSection g, String key, int dflt, int min, int max, java.util.List<String> problems) {
        String v = g.get(key);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        ConfigEntry at = g.entries().stream().filter(e -> e.key().equalsIgnoreCase(key)).findFirst().orElse(null);
        problems.add((at == null ? FILE : at.file() + ":" + at.line()) + ": '" + key + " = " + v.trim()
                + "' is not a number from " + min + " to " + max + "; using " + dflt);
        return dflt;
    }

    /** Asterisk's ast_true. */
    static boolean isTrue(String v) { return org.switchboard.config.AstTrue.isTrue(v); }
}
