package org.switchboard.channels.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An RTP payload format we can carry: its encoding name, RTP clock rate, channels, static payload
 * type (RFC 3551 §6; -1 when dynamic) and the fmtp we offer. G.722's RTP clock is 8000 though it
 * samples at 16 kHz (RFC 3551 §4.5.2).
 */
public record Codec(String encoding, int clockRate, int channels, int staticPayloadType, int defaultDynamicPt,
                    String fmtp) {

    public static final Codec PCMU = new Codec("PCMU", 8000, 1, 0, 0, null);
    public static final Codec PCMA = new Codec("PCMA", 8000, 1, 8, 8, null);
    public static final Codec G722 = new Codec("G722", 8000, 1, 9, 9, null);
    public static final Codec OPUS = new Codec("opus", 48000, 2, -1, 111, "useinbandfec=1"); // RFC 7587 §7
    public static final Codec TELEPHONE_EVENT = new Codec("telephone-event", 8000, 1, -1, 101, "0-16"); // RFC 4733 §7.1.1

    public static final List<Codec> ALL_VOICE = List.of(PCMU, PCMA, G722, OPUS);

    public boolean isDynamic() { return staticPayloadType < 0; }

    /** Whether payload type {@code pt}, with its rtpmap (or null), is this codec. */
    public boolean matches(int pt, RtpMap map) {
        if (map == null) return pt == staticPayloadType; // static types need no rtpmap (RFC 3551 §6)
        if (!map.encoding().equalsIgnoreCase(encoding) || map.clockRate() != clockRate) return false;
        return channels == 1 ? map.channels() == 1 : map.channels() == channels;
    }

    public RtpMap rtpMap(int pt) { return new RtpMap(pt, encoding, clockRate, channels); }

    /** The codec named in sip.conf {@code allow=} (chan_sip spelling), or null. */
    public static Codec fromConfigName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "ulaw", "g711u", "pcmu", "mulaw" -> PCMU;
            case "alaw", "g711a", "pcma" -> PCMA;
            case "g722" -> G722;
            case "opus" -> OPUS;
            default -> null;
        };
    }

    /**
     * Applies chan_sip's {@code disallow=}/{@code allow=} lines in order to a preference list:
     * {@code all} adds or removes every codec; unknown names are skipped.
     */
    public static List<Codec> fromAllowDisallow(List<String[]> ops) {
        List<Codec> out = new ArrayList<>();
        for (String[] op : ops) {
            boolean allow = op[0].equalsIgnoreCase("allow");
            for (String name : op[1].split("[,&]")) {
                if (name.isBlank()) continue;
                List<Codec> these = name.trim().equalsIgnoreCase("all") ? ALL_VOICE
                    : fromConfigName(name) == null ? List.of() : List.of(fromConfigName(name));
                for (Codec c : these) {
                    out.remove(c);
                    if (allow) out.add(c);
                }
            }
        }
        return out;
    }
}
