package org.switchboard.channels.sip.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 3264 offer/answer for one audio stream over RTP/AVP with our codec set: PCMU, PCMA, G.722,
 * Opus and telephone-event. Pure: no sockets, no state; the caller supplies its address and port.
 */
public final class SdpNegotiator {
    private SdpNegotiator() {}

    /**
     * Our side of a session: address and RTP port, o= fields, whether we offer/accept RFC 4733
     * telephone-event, our ptime, and the direction we want (SENDONLY when we put the call on hold).
     */
    public record Local(String address, int port, String username, long sessionId, long sessionVersion,
                        boolean telephoneEvent, int ptime, Direction direction) {
        public Local withPort(int p) {
            return new Local(address, p, username, sessionId, sessionVersion, telephoneEvent, ptime, direction);
        }
    }

    /** The outcome of answering an offer. */
    public sealed interface Result permits Accepted, Rejected {}

    /**
     * The offer was acceptable: the answer to send, the codecs chosen in order with their payload
     * types, the telephone-event payload type (-1 when none), where to send RTP, the direction of
     * our answer, the packetisation time and whether the offerer put us on hold.
     */
    public record Accepted(SessionDescription answer, List<Codec> codecs, List<Integer> payloadTypes, int dtmfPayloadType,
                           String remoteAddress, int remotePort, Direction direction, int ptime, boolean held)
        implements Result {
        public Codec codec() { return codecs.get(0); }
        public int payloadType() { return payloadTypes.get(0); }
    }

    /** Nothing acceptable: answer 488 Not Acceptable Here (RFC 3261 §13.3.1.1). */
    public record Rejected(String reason) implements Result {
        public int status() { return 488; }
    }

    /** Our answer to {@code offer}, choosing codecs in the order of {@code allowed} (RFC 3264 §6.1). */
    public static Result answer(SessionDescription offer, List<Codec> allowed, Local local) {
        List<MediaDescription> answerMedia = new ArrayList<>(offer.media().size());
        Accepted chosen = null;
        String why = offer.media().isEmpty() ? "offer has no media" : "no audio stream offered";
        for (MediaDescription m : offer.media()) {
            if (chosen != null || !m.isAudio() || m.port() == 0) {
                answerMedia.add(rejected(m)); // §6: a refused stream stays, with port 0
                continue;
            }
            if (!m.proto().equals("RTP/AVP")) {
                why = "transport " + m.proto() + " not supported";
                answerMedia.add(rejected(m));
                continue;
            }
            int nf = m.formats().size();
            int[] offeredPts = new int[nf];
            RtpMap[] maps = new RtpMap[nf];
            for (int i = 0; i < nf; i++) {
                String f = m.formats().get(i);
                offeredPts[i] = SdpParser.number(f, 0, f.length());
            }
            for (Attribute a : m.attributes()) { // each rtpmap read once, not once per codec tried
                if (!a.name().equals("rtpmap") || a.value() == null) continue;
                RtpMap map = RtpMap.parse(a.value());
                if (map == null) continue;
                for (int i = 0; i < nf; i++) if (offeredPts[i] == map.payloadType() && maps[i] == null) maps[i] = map;
            }
            List<Codec> codecs = new ArrayList<>();
            List<Integer> pts = new ArrayList<>();
            for (Codec c : allowed) {
                for (int i = 0; i < nf; i++) {
                    if (offeredPts[i] >= 0 && c.matches(offeredPts[i], maps[i])) {
                        codecs.add(c);
                        pts.add(offeredPts[i]); // §6.1: the answer uses the offer's payload type numbers
                        break;
                    }
                }
            }
            if (codecs.isEmpty()) {
                why = "no common codec";
                answerMedia.add(rejected(m));
                continue;
            }
            int dtmf = -1;
            if (local.telephoneEvent()) {
                for (int i = 0; i < nf; i++) {
                    if (offeredPts[i] >= 0 && Codec.TELEPHONE_EVENT.matches(offeredPts[i], maps[i])) {
                        dtmf = offeredPts[i];
                        break;
                    }
                }
            }
            Connection c = offer.connectionFor(m);
            if (c == null) {
                why = "no c= line for the audio stream";
                answerMedia.add(rejected(m));
                continue;
            }
            Direction offered = offer.directionFor(m);
            boolean legacyHold = c.isLegacyHold();
            if (legacyHold) offered = offered.and(Direction.SENDONLY); // RFC 3264 §8.4: 0.0.0.0 means "do not send to me"
            Direction dir = offered.reverse().and(local.direction());
            int ptime = m.ptime() > 0 ? m.ptime() : local.ptime();
            answerMedia.add(audio(m, codecs, pts, dtmf, dir, ptime, local));
            chosen = new Accepted(null, List.copyOf(codecs), List.copyOf(pts), dtmf, c.address(), m.port(), dir, ptime,
                legacyHold || !offered.sends() || !offered.receives());
        }
        if (chosen == null) return new Rejected(why);
        SessionDescription answer = new SessionDescription(0,
            Origin.of(local.username(), local.sessionId(), local.sessionVersion(), local.address()), "-",
            Connection.of(local.address()), "0 0", List.of(), answerMedia, List.of());
        return new Accepted(answer, chosen.codecs(), chosen.payloadTypes(), chosen.dtmfPayloadType(),
            chosen.remoteAddress(), chosen.remotePort(), chosen.direction(), chosen.ptime(), chosen.held());
    }

    /** An offer of one audio stream with {@code allowed} codecs in order (RFC 3264 §5). */
    public static SessionDescription offer(List<Codec> allowed, Local local) {
        List<Codec> codecs = new ArrayList<>();
        List<Integer> pts = new ArrayList<>();
        for (Codec c : allowed) {
            if (c.equals(Codec.TELEPHONE_EVENT)) continue;
            codecs.add(c);
            pts.add(c.isDynamic() ? c.defaultDynamicPt() : c.staticPayloadType());
        }
        int dtmf = local.telephoneEvent() ? Codec.TELEPHONE_EVENT.defaultDynamicPt() : -1;
        MediaDescription m = audio(null, codecs, pts, dtmf, local.direction(), local.ptime(), local);
        return new SessionDescription(0, Origin.of(local.username(), local.sessionId(), local.sessionVersion(),
            local.address()), "-", Connection.of(local.address()), "0 0", List.of(), List.of(m), List.of());
    }

    private static MediaDescription audio(MediaDescription offered, List<Codec> codecs, List<Integer> pts, int dtmf,
                                          Direction dir, int ptime, Local local) {
        List<String> formats = new ArrayList<>();
        List<Attribute> attrs = new ArrayList<>();
        for (int i = 0; i < codecs.size(); i++) {
            Codec c = codecs.get(i);
            int pt = pts.get(i);
            formats.add(Integer.toString(pt));
            attrs.add(new Attribute("rtpmap", c.rtpMap(pt).toString()));
            // our fmtp says what we want to receive (RFC 7587 §7); other codecs' parameters are echoed
            String fmtp = c == Codec.OPUS || offered == null || offered.fmtp(pt) == null ? c.fmtp() : offered.fmtp(pt);
            if (fmtp != null) attrs.add(new Attribute("fmtp", pt + " " + fmtp));
        }
        if (dtmf >= 0) {
            formats.add(Integer.toString(dtmf));
            attrs.add(new Attribute("rtpmap", Codec.TELEPHONE_EVENT.rtpMap(dtmf).toString()));
            String fmtp = offered != null && offered.fmtp(dtmf) != null ? offered.fmtp(dtmf) : Codec.TELEPHONE_EVENT.fmtp();
            attrs.add(new Attribute("fmtp", dtmf + " " + fmtp));
        }
        if (ptime > 0) attrs.add(new Attribute("ptime", Integer.toString(ptime)));
        attrs.add(Attribute.flag(dir.attribute()));
        return new MediaDescription("audio", local.port(), 1, "RTP/AVP", formats, null, attrs, List.of());
    }

    private static MediaDescription rejected(MediaDescription m) {
        return new MediaDescription(m.media(), 0, 1, m.proto(), m.formats(), null, List.of(), List.of());
    }

    /**
     * What the peer's answer to our offer settles: the first codec of the answer that we offered,
     * or a rejection when the answer accepted none (RFC 3264 §7).
     */
    public static Result acceptAnswer(SessionDescription ourOffer, SessionDescription answer, List<Codec> allowed,
                                      Local local) {
        MediaDescription m = answer.firstAudio();
        if (m == null || m.port() == 0) return new Rejected("answer refused the audio stream");
        Result r = answer(answer, allowed, local);
        if (!(r instanceof Accepted a)) return r;
        return new Accepted(ourOffer, a.codecs(), a.payloadTypes(), a.dtmfPayloadType(), a.remoteAddress(),
            a.remotePort(), a.direction(), a.ptime(), a.held());
    }
}
