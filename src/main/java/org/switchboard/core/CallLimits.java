package org.switchboard.core;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.switchboard.config.ConfigSection;

/**
 * asterisk.conf {@code [options]} {@code maxcalls} and {@code maxload}: past either, a channel
 * driver refuses a new call before it reaches the dialplan, as Asterisk's pbx_start does (chan_sip
 * then answers 503). {@code maxload} is compared with the one-minute load average, read at most
 * once a second. Read once per PBX; 0 or absent means no limit.
 */
public final class CallLimits {
    private static final long LOAD_EVERY_NANOS = 1_000_000_000L;

    private final int maxCalls;
    private final double maxLoad;
    private volatile long loadReadAt = System.nanoTime() - LOAD_EVERY_NANOS;
    private volatile double load;

    CallLimits(int maxCalls, double maxLoad) {
        this.maxCalls = maxCalls;
        this.maxLoad = maxLoad;
    }

    public static CallLimits of(Pbx pbx) { return pbx.service(CallLimits.class, CallLimits::read); }

    private static CallLimits read(Pbx pbx) {
        int calls = 0;
        double load = 0;
        if (pbx.hasConfig("asterisk.conf")) {
            for (ConfigSection options : pbx.config("asterisk.conf").sections("options")) {
                calls = Math.max(calls, number(options.get("maxcalls")).intValue());
                load = Math.max(load, number(options.get("maxload")).doubleValue());
            }
        }
        return new CallLimits(calls, load);
    }

    private static Number number(String v) {
        if (v == null) return 0;
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public int maxCalls() { return maxCalls; }
    public double maxLoad() { return maxLoad; }

    /**
     * Null when {@code who} may start a call now; else the reason, in Asterisk's words, for the
     * driver's log line.
     */
    public String refusal(Pbx pbx, String who) {
        if (maxCalls > 0 && pbx.activeCalls() >= maxCalls) {
            return "Maximum call limit of " + maxCalls + " calls exceeded by " + who + "!";
        }
        if (maxLoad > 0) {
            double now = loadAverage();
            if (now >= maxLoad) {
                return String.format(Locale.ROOT, "Maximum loadavg limit of %f load exceeded by %s (currently %f)!", maxLoad, who, now);
            }
        }
        return null;
    }

    private double loadAverage() {
        long t = System.nanoTime();
        if (t - loadReadAt >= LOAD_EVERY_NANOS) {
            load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            loadReadAt = t;
        }
        return load;
    }
}
