package org.switchboard.channels.sip;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.channels.sip.sdp.Codec;
import org.switchboard.channels.sip.sdp.Direction;
import org.switchboard.channels.sip.sdp.SdpNegotiator;
import org.switchboard.channels.sip.sdp.SdpParser;
import org.switchboard.channels.sip.sdp.SessionDescription;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.media.rtp.RtpSession;

/**
 * The media half of one SIP call: its RTP session and the SDP offer/answer that configures it
 * (RFC 3264). Not thread-safe; {@link SipCall} calls it under its lock.
 */
final class SipMedia {
    static final int PTIME = 20;

    private final RtpSession rtp;
    private final List<Codec> allowed;
    private final boolean telephoneEvent;
    private final boolean comedia;
    private final long sessionId = SipIds.sessionId() & 0xffffffffL;
    private long version = sessionId;
    private SessionDescription ourOffer;
    private SdpNegotiator.Accepted negotiated;
    private final SipSdes sdes; // null: plain RTP

    SipMedia(RtpSession rtp, List<Codec> allowed, boolean telephoneEvent, boolean comedia) {
        this(rtp, allowed, telephoneEvent, comedia, null);
    }

    /** With {@code sdes} (from {@link SipSdes#open}) when the peer's media is SDES-SRTP. */
    SipMedia(RtpSession rtp, List<Codec> allowed, boolean telephoneEvent, boolean comedia, SipSdes sdes) {
        this.sdes = sdes;
        this.rtp = rtp;
        this.allowed = List.copyOf(allowed);
        this.telephoneEvent = telephoneEvent;
        this.comedia = comedia;
        rtp.setComedia(comedia);
    }

    RtpSession rtp() { return rtp; }
    SdpNegotiator.Accepted negotiated() { return negotiated; }
    boolean hasTelephoneEvent() { return negotiated != null && negotiated.dtmfPayloadType() >= 0; }

    /** Asterisk's name of the codec in use ("ulaw"), or null before negotiation. */
    String codecName() { return negotiated == null ? null : asteriskName(negotiated.codec()); }

    private SdpNegotiator.Local local(String host, Direction dir) {
        return new SdpNegotiator.Local(host, rtp.localPort(), "-", sessionId, ++version, telephoneEvent, PTIME, dir);
    }

    /** Our offer (new INVITE, or a 2xx to an INVITE without SDP), with {@code preferred} first when we allow it. */
    SessionDescription offer(String host, String preferred) {
        List<Codec> order = new ArrayList<>(allowed);
        if (preferred != null) {
            for (Codec c : allowed) {
                if (preferred.equals(asteriskName(c))) {
                    order.remove(c);
                    order.add(0, c);
                }
            }
        }
        ourOffer = SdpNegotiator.offer(order, local(host, Direction.SENDRECV));
        if (sdes != null) ourOffer = sdes.decorateOffer(ourOffer);
        return ourOffer;
    }

    /** Answers the peer's offer; on success the RTP session follows it. */
    SdpNegotiator.Result answer(SessionDescription offer, String host) {
        SipSdes.Prepared srtp = null;
        if (sdes != null) {
            Object p = sdes.prepareAnswer(offer);
            if (p instanceof SdpNegotiator.Rejected rej) return rej;
            srtp = (SipSdes.Prepared) p;
            offer = srtp.plainOffer();
        }
        SdpNegotiator.Result r = literal(SdpNegotiator.answer(offer, allowed, local(host, Direction.SENDRECV)));
        if (srtp != null && r instanceof SdpNegotiator.Accepted a) r = sdes.finishAnswer(a, srtp);
        if (r instanceof SdpNegotiator.Accepted a) apply(a);
        return r;
    }

    /**
     * A c= address must be an IP address: a host name would be resolved on a network thread,
     * where a slow name server (chosen by whoever wrote the SDP) would stall every call.
     */
    private static SdpNegotiator.Result literal(SdpNegotiator.Result r) {
        if (r instanceof SdpNegotiator.Accepted a && !isIpLiteral(a.remoteAddress())) {
            return new SdpNegotiator.Rejected("c= address '" + a.remoteAddress() + "' is not an IP address");
        }
        return r;
    }

    static boolean isIpLiteral(String a) {
        return a.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (a.indexOf(':') >= 0 && a.matches("[0-9A-Fa-f:.]+"));
    }

    /** The peer answered our offer. */
    SdpNegotiator.Result acceptAnswer(SessionDescription answer, String host) {
        if (ourOffer == null) return new SdpNegotiator.Rejected("an answer without an offer");
        SessionDescription plain = sdes == null ? answer : sdes.plainAnswer(answer);
        SdpNegotiator.Result r = literal(SdpNegotiator.acceptAnswer(ourOffer, plain, allowed, local(host, Direction.SENDRECV)));
        if (sdes != null && r instanceof SdpNegotiator.Accepted) {
            String problem = sdes.acceptAnswer(answer);
            if (problem != null) {
                org.switchboard.core.PbxLog.notice("chan_sip.c", "SRTP: " + problem + " (rtp " + rtp.localPort() + ")");
                return new SdpNegotiator.Rejected(problem);
            }
        }
        if (r instanceof SdpNegotiator.Accepted a) {
            apply(a);
            ourOffer = null;
        }
        return r;
    }

    boolean awaitingAnswer() { return ourOffer != null; }

    private void apply(SdpNegotiator.Accepted a) {
        negotiated = a;
        rtp.configure(asteriskName(a.codec()), a.payloadType(), a.dtmfPayloadType(), a.ptime() > 0 ? a.ptime() : PTIME);
        if (a.remotePort() > 0 && !a.remoteAddress().equals("0.0.0.0")) {
            rtp.setRemote(new InetSocketAddress(a.remoteAddress(), a.remotePort()));
        }
        rtp.setHold(a.held() || !a.direction().sends());
    }

    /** The SDP codecs for a peer's {@code allow=} list; chan_sip's ulaw, alaw when it lists none or for guests. */
    static List<Codec> codecsFor(org.switchboard.channels.sip.config.SipPeer peer) {
        if (peer == null || peer.codecs().isEmpty()) return List.of(Codec.PCMU, Codec.PCMA);
        List<Codec> out = new ArrayList<>();
        for (var c : peer.codecs()) {
            out.add(switch (c) {
                case ULAW -> Codec.PCMU;
                case ALAW -> Codec.PCMA;
                case G722 -> Codec.G722;
                case OPUS -> Codec.OPUS;
            });
        }
        return out;
    }

    /** A body as SDP, or null when it is not parseable (the caller answers 400/488). */
    static SessionDescription parse(byte[] body) {
        return SdpParser.parse(body) instanceof SdpParser.Parsed p ? p.sdp() : null;
    }

    static String asteriskName(Codec c) {
        return switch (c.encoding().toUpperCase(java.util.Locale.ROOT)) {
            case "PCMU" -> "ulaw";
            case "PCMA" -> "alaw";
            case "G722" -> "g722";
            case "OPUS" -> "opus";
            default -> c.encoding().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
