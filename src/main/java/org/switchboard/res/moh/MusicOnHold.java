package org.switchboard.res.moh;

import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/**
 * Starting and stopping music on hold on a channel, as Asterisk's ast_moh_start / ast_moh_stop:
 * a channel technology calls {@link #start} when the other side of its bridge puts the call on
 * hold (its indicate(HOLD)) and {@link #stop} on UNHOLD. The class is the one the channel's
 * configuration names ({@code mohinterpret} in sip.conf or chan_skype.conf); when that class does
 * not exist Asterisk falls back to {@code default}; when neither exists the channel hears silence
 * and one warning says why.
 */
public final class MusicOnHold {
    public static final String DEFAULT_CLASS = "default";

    private MusicOnHold() {}

    /**
     * @param interpretClass the class the channel's configuration names; null or empty for {@code default}
     * @param configuredAt   where that name comes from ({@code mohinterpret of [phone1] at sip.conf:8}), for the warning
     */
    public static void start(Channel c, String interpretClass, String configuredAt) {
        MohClasses classes = MohClasses.of(c.pbx());
        String wanted = interpretClass == null || interpretClass.isBlank() ? DEFAULT_CLASS : interpretClass.trim();
        MohClasses.MohClass found = classes.get(wanted);
        if (found == null && !wanted.equalsIgnoreCase(DEFAULT_CLASS)) found = classes.get(DEFAULT_CLASS);
        if (found == null) {
            PbxLog.warning("res_musiconhold.c", "Music on Hold class '" + wanted + "' not found"
                + (configuredAt == null ? "" : " (" + configuredAt + ")")
                + (wanted.equalsIgnoreCase(DEFAULT_CLASS) ? "" : " and musiconhold.conf has no [default]")
                + "; " + c.name() + " hears silence while on hold");
        } else {
            PbxLog.verbose(3, "Started music on hold, class '" + found.name() + "', on channel '" + c.name() + "'");
        }
        MohPlayer.start(c, found);
    }

    /** Stops the music on hold the channel hears, if any. */
    public static void stop(Channel c) {
        if (c.stopGenerator()) PbxLog.verbose(3, "Stopped music on hold on " + c.name());
    }
}
