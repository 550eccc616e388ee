package org.switchboard.channels.skype;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.switchboard.net.xmpp.jingle.Jingle.PayloadType;
import org.switchboard.net.xmpp.jingle.Jingle.RtpDescription;

/**
 * The RTP descriptions of a Skype call (XEP-0167 §5): what we offer from an account's allowed
 * codecs, and the codec both sides agree on from an offer or an answer. No I/O.
 */
final class SkypeCodecs {
    /** RFC 7587 §7: opus/48000/2 whatever is sent; dynamic payload type 111 as browsers use. */
    static final PayloadType OPUS = new PayloadType(111, "opus", 48000, 2, Map.of("minptime", "10", "useinbandfec", "1"));
    static final PayloadType PCMU = new PayloadType(0, "PCMU", 8000, 1);
    static final PayloadType PCMA = new PayloadType(8, "PCMA", 8000, 1);
    /** RFC 4733 digits, at the clock of the codec they go with (RFC 4733 §2.5.1.1). */
    static final PayloadType EVENT_48K = new PayloadType(110, "telephone-event", 48000, 1, Map.of("events", "0-16"));
    static final PayloadType EVENT_8K = new PayloadType(126, "telephone-event", 8000, 1, Map.of("events", "0-16"));

    /** What both sides agreed: the voice codec (Asterisk's name), its payload type, the event type (-1: none). */
    record Agreed(String codec, int payloadType, int eventPayloadType, int clock) {}

    private SkypeCodecs() {}

    /** Our offer: the account's codecs in its order, telephone-event at each clock, rtcp-mux (RFC 5761). */
    static RtpDescription offer(List<String> allowed) {
        List<PayloadType> pts = new ArrayList<>();
        for (String c : allowed) pts.add(ours(c));
        if (allowed.contains("opus")) pts.add(EVENT_48K);
        if (allowed.contains("ulaw") || allowed.contains("alaw")) pts.add(EVENT_8K);
        return new RtpDescription("audio", pts, true);
    }

    private static PayloadType ours(String codec) {
        return switch (codec) {
            case "opus" -> OPUS;
            case "ulaw" -> PCMU;
            default -> PCMA;
        };
    }

    /** Our codec's name for a payload type, or null when it is none we carry (RFC 3551 static types by number). */
    static String asteriskName(PayloadType p) {
        if (p.is("opus") && (p.clockrate() == 48000)) return "opus";
        if (p.is("PCMU") || (p.name() == null && p.id() == 0)) return "ulaw";
        if (p.is("PCMA") || (p.name() == null && p.id() == 8)) return "alaw";
        return null;
    }

    /**
     * XEP-0167 §6.2 / RFC 3264 §6.1: as answerer we take the first of the offer's codecs we allow
     * (the offerer's preference), with its payload type; null when none.
     */
    static Agreed answer(RtpDescription offer, List<String> allowed) {
        for (PayloadType p : offer.payloadTypes()) {
            String name = asteriskName(p);
            if (name != null && allowed.contains(name)) {
                int clock = name.equals("opus") ? 48000 : 8000;
                return new Agreed(name, p.id(), event(offer, clock), clock);
            }
        }
        return null;
    }

    /** Our answer's description: only the agreed codec and its event type. */
    static RtpDescription answerDescription(RtpDescription offer, Agreed a) {
        List<PayloadType> pts = new ArrayList<>();
        for (PayloadType p : offer.payloadTypes()) {
            if (p.id() == a.payloadType() || p.id() == a.eventPayloadType()) pts.add(p);
        }
        return new RtpDescription("audio", pts, offer.rtcpMux());
    }

    /** The offerer reading an answer (RFC 3264 §7): the answer's first codec we offered. */
    static Agreed accept(RtpDescription answer, List<String> allowed) {
        return answer(answer, allowed);
    }

    private static int event(RtpDescription d, int clock) {
        for (PayloadType p : d.payloadTypes()) {
            if (p.is("telephone-event") && (p.clockrate() == clock || (p.clockrate() == 0 && clock == 8000))) return p.id();
        }
        return -1;
    }

    static boolean isAudio(RtpDescription d) { return d != null && "audio".equals(d.media()); }
}
