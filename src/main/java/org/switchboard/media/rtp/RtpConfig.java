package org.switchboard.media.rtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigSection;

/**
 * rtp.conf {@code [general]} as res_rtp_asterisk reads it: the RTP port range, strict RTP and
 * the DTMF timeout. Never throws for bad content: a bad value keeps its default and becomes a
 * problem at its file:line; a missing rtp.conf gives the defaults.
 *
 * @param rtpStart    lowest RTP port (RTP ports are the even ports in [rtpStart, rtpEnd]; RTCP is port+1)
 * @param rtpEnd      highest RTP port
 * @param strictRtp   once a source has been learned, accept RTP only from it
 * @param dtmfTimeout milliseconds a telephone-event without an end packet lasts before it is ended
 *                    (rtp.conf gives it in samples of 1/8000 s, as Asterisk reads it; default 150 ms)
 * @param problems    what was wrong, as {@code file:line: message}
 */
public record RtpConfig(int rtpStart, int rtpEnd, boolean strictRtp, int dtmfTimeout, List<ConfigProblem> problems) {
    public static final int DEFAULT_START = 10000;
    public static final int DEFAULT_END = 20000;
    public static final int DEFAULT_DTMF_TIMEOUT = 150;

    /** Options of res_rtp_asterisk's rtp.conf that change nothing here; read silently. */
    private static final Set<String> IGNORED = Set.of("rtpchecksums", "icesupport", "stunaddr", "stun_blacklist",
        "stun_deny", "stun_permit", "turnaddr", "turnusername", "turnpassword", "ice_blacklist", "ice_deny",
        "ice_permit", "ice_host_candidate", "probation", "srtpreplayprotection", "rtcpinterval", "dtls_mtu");

    public RtpConfig {
        if (rtpStart < 1 || rtpEnd > 65535 || rtpStart > rtpEnd) {
            throw new IllegalArgumentException("bad RTP port range " + rtpStart + "-" + rtpEnd);
        }
        problems = List.copyOf(problems);
    }

    /** 10000-20000, strict RTP on, DTMF timeout 3 s. */
    public static RtpConfig defaults() {
        return new RtpConfig(DEFAULT_START, DEFAULT_END, true, DEFAULT_DTMF_TIMEOUT, List.of());
    }

    /** A copy with another port range (tests, and callers that pick their own). */
    public RtpConfig withPorts(int start, int end) {
        return new RtpConfig(start, end, strictRtp, dtmfTimeout, problems);
    }

    /** The settings of {@code rtpConf}; a file that could not be read gives the defaults. */
    public static RtpConfig read(Config rtpConf) {
        List<ConfigProblem> problems = new ArrayList<>();
        boolean missing = rtpConf.sections().isEmpty()
            && rtpConf.problems().stream().allMatch(p -> p.line() == 0);
        if (!missing) problems.addAll(rtpConf.problems());
        int start = DEFAULT_START, end = DEFAULT_END, dtmf = DEFAULT_DTMF_TIMEOUT;
        boolean strict = true;
        ConfigSection g = rtpConf.section("general");
        if (g != null) {
            for (ConfigEntry e : g.entries()) {
                String key = e.key().toLowerCase(Locale.ROOT);
                switch (key) {
                    case "rtpstart" -> start = integer(e, 1024, 65535, start, problems);
                    case "rtpend" -> end = integer(e, 1024, 65535, end, problems);
                    case "strictrtp" -> strict = strict(e, strict, problems);
                    case "dtmftimeout" -> dtmf = integer(e, 0, 8_000_000, dtmf * 8, problems) / 8; // samples → ms
                    default -> {
                        if (!IGNORED.contains(key)) {
                            problems.add(new ConfigProblem(e.file(), e.line(),
                                "unknown option '" + e.key() + "' in [general]; ignored"));
                        }
                    }
                }
            }
            if (start >= end) {
                // res_rtp_asterisk: "Unreasonable values for RTP start/end port", both back to defaults.
                problems.add(new ConfigProblem(g.file(), g.line(), "rtpstart " + start + " is not below rtpend "
                    + end + "; using " + DEFAULT_START + "-" + DEFAULT_END));
                start = DEFAULT_START;
                end = DEFAULT_END;
            }
        }
        return new RtpConfig(start, end, strict, dtmf, problems);
    }

    private static int integer(ConfigEntry e, int min, int max, int dflt, List<ConfigProblem> problems) {
        String v = e.value().trim();
        if (v.matches("\\d{1,9}")) {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        }
        problems.add(new ConfigProblem(e.file(), e.line(),
            "bad value '" + e.value() + "' for " + e.key() + " (a number from " + min + " to " + max + ")"));
        return dflt;
    }

    /** yes/no words as ast_true/ast_false; Asterisk's "seqno" also means strict. */
    private static boolean strict(ConfigEntry e, boolean dflt, List<ConfigProblem> problems) {
        switch (e.value().trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y", "t", "1", "on", "seqno" -> { return true; }
            case "no", "false", "n", "f", "0", "off" -> { return false; }
            default -> {
                problems.add(new ConfigProblem(e.file(), e.line(),
                    "bad value '" + e.value() + "' for " + e.key() + " (yes or no)"));
                return dflt;
            }
        }
    }
}
