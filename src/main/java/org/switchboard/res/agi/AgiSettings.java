package org.switchboard.res.agi;

import java.nio.file.Path;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * Where AGI scripts live and how long AGI waits on a program. Asterisk has no such limits (a
 * FastAGI server that accepts and never answers holds the call until the caller hangs up); here
 * each has a default and can be set in the optional {@code agi.conf}:
 * <pre>
 * [general]
 * connecttimeout = 2000   ; ms to connect to a FastAGI server (Asterisk's own limit, MAX_AGI_CONNECT)
 * readtimeout = 60000     ; ms a script or FastAGI server may take to send its next command
 *                         ; while the call is up (0: no limit); then AGISTATUS=FAILURE
 * hangupgrace = 5000      ; ms a program may still run after the caller hung up; then it is ended
 * maxline = 8192          ; bytes in one command line; a longer one ends AGI with FAILURE
 * </pre>
 * The folder of scripts named without a path is {@code astagidir} of asterisk.conf's
 * {@code [directories]}, else {@code agi-bin} under {@code astdatadir}, else
 * {@code $SWITCHBOARD_HOME/agi-bin}, else {@code agi-bin} beside the config folder.
 */
public record AgiSettings(Path agiDir, long connectTimeoutMs, long readTimeoutMs, long hangupGraceMs, int maxLineBytes) {
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 2000;
    public static final long DEFAULT_READ_TIMEOUT_MS = 60_000;
    public static final long DEFAULT_HANGUP_GRACE_MS = 5000;
    public static final int DEFAULT_MAX_LINE_BYTES = 8192;

    public static AgiSettings read(Pbx pbx) {
        AgiSettings s = new AgiSettings(agiDirFor(pbx), DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS,
                DEFAULT_HANGUP_GRACE_MS, DEFAULT_MAX_LINE_BYTES);
        if (!pbx.hasConfig("agi.conf")) return s;
        ConfigSection g = pbx.config("agi.conf").section("general");
        if (g == null) return s;
        return new AgiSettings(s.agiDir(), number(g, "connecttimeout", s.connectTimeoutMs(), 1),
                number(g, "readtimeout", s.readTimeoutMs(), 0), number(g, "hangupgrace", s.hangupGraceMs(), 0),
                (int) number(g, "maxline", s.maxLineBytes(), 64));
    }

    public AgiSettings withAgiDir(Path dir) { return new AgiSettings(dir, connectTimeoutMs, readTimeoutMs, hangupGraceMs, maxLineBytes); }

    public AgiSettings withReadTimeoutMs(long ms) { return new AgiSettings(agiDir, connectTimeoutMs, ms, hangupGraceMs, maxLineBytes); }

    public AgiSettings withHangupGraceMs(long ms) { return new AgiSettings(agiDir, connectTimeoutMs, readTimeoutMs, ms, maxLineBytes); }

    public AgiSettings withConnectTimeoutMs(long ms) { return new AgiSettings(agiDir, ms, readTimeoutMs, hangupGraceMs, maxLineBytes); }

    private static long number(ConfigSection g, String key, long dflt, long min) {
        String v = g.get(key);
        if (v == null || v.isBlank()) return dflt;
        try {
            long n = Long.parseLong(v.trim());
            if (n >= min && n <= Integer.MAX_VALUE) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        PbxLog.warning("res_agi.c", "agi.conf: " + key + " = '" + v.trim() + "' is not a number of at least " + min
                + "; using " + dflt);
        return dflt;
    }

    static Path agiDirFor(Pbx pbx) {
        Path conf = pbx.configDir();
        if (conf != null && pbx.hasConfig("asterisk.conf")) {
            for (ConfigSection dirs : pbx.config("asterisk.conf").sections("directories")) {
                String agi = dirs.get("astagidir");
                if (agi != null && !agi.isBlank()) return conf.resolve(agi.trim());
                String data = dirs.get("astdatadir");
                if (data != null && !data.isBlank()) return conf.resolve(data.trim()).resolve("agi-bin");
            }
        }
        String home = System.getenv("SWITCHBOARD_HOME");
        if (home != null && !home.isBlank()) return Path.of(home, "agi-bin");
        if (conf != null) return conf.toAbsolutePath().getParent().resolve("agi-bin");
        return Path.of("agi-bin").toAbsolutePath();
    }
}
