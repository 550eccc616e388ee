package org.switchboard.channels.sip.call;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.channels.sip.SipStack;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.sdp.Codec;
import org.switchboard.channels.sip.sdp.Direction;
import org.switchboard.channels.sip.sdp.SdpNegotiator;
import org.switchboard.channels.sip.sdp.SdpParser;
import org.switchboard.channels.sip.sdp.SessionDescription;
import org.switchboard.media.rtp.RtpSession;

/**
 * The media half of one SIP call: its RTP session and the SDP offer/answer that configures it
 * (RFC 3264). Not thread-safe; {@link SipCall} calls it under its lock.
 */
public final class SipMedia {
    static final int PTIME = 20;

    private final RtpSession rtp;
    private final List<Codec> allowed;
    private final boolean telephoneEvent;
    private final boolean comedia;
    private final SipIceMedia ice; // WebRTC media (ICE, DTLS-SRTP), or null for plain RTP
    private final long sessionId = SipIds.sessionId() & 0xffffffffL;
    private long version = sessionId;
    private SessionDescription ourOffer;
    private SdpNegotiator.Accepted negotiated;
    private final SipSdes sdes; // null: plain RTP

    /**
     * Whether the SDP offers telephone-event, by the peer's dtmfmode: for rfc2833 and auto (and a
     * guest); not for info, nor for inband, whose digits travel in the audio (chan_sip offers none).
     */
    public static boolean telephoneEvent(org.switchboard.channels.sip.config.SipPeer peer) {
        var mode = peer == null ? org.switchboard.channels.sip.config.DtmfMode.RFC2833 : peer.dtmfMode();
        return mode == org.switchboard.channels.sip.config.DtmfMode.RFC2833 || mode == org.switchboard.channels.sip.config.DtmfMode.AUTO;
    }

    SipMedia(RtpSession rtp, List<Codec> allowed, boolean telephoneEvent, boolean comedia) {
        this(rtp, allowed, telephoneEvent, comedia, null, null);
    }

    /** With {@code sdes} (from {@link SipSdes#open}) when the peer's media is SDES-SRTP. */
    SipMedia(RtpSession rtp, List<Codec> allowed, boolean telephoneEvent, boolean comedia, SipSdes sdes) {
        this(rtp, allowed, telephoneEvent, comedia, null, sdes);
    }

    SipMedia(RtpSession rtp, List<Codec> allowed, boolean telephoneEvent, boolean comedia, SipIceMedia ice) {
        this(rtp, allowed, telephoneEvent, comedia, ice, null);
    }

    private SipMedia(RtpSession rtp, List<Codec> allowed, boolean telephoneEvent, boolean comedia, SipIceMedia ice, SipSdes sdes) {
        this.ice = ice;
        this.sdes = sdes;
        this.rtp = rtp;
        this.allowed = List.copyOf(allowed);
        this.telephoneEvent = telephoneEvent;
        this.comedia = comedia;
        rtp.setComedia(comedia);
    }

    /**
     * The media of a new call with {@code peer} (null: a guest) reached at {@code remote}: plain
     * RTP, ICE with DTLS-SRTP when the dialect says so for the peer ({@code webrtc=yes},
     * {@code media_encryption=dtls}), or SDES-SRTP for {@code media_encryption=sdes} / {@code encryption=yes}.
     * {@code controlling}: we send the offer (RFC 8445 §6.1.1).
     */
    public static SipMedia open(SipStack stack, org.switchboard.channels.sip.config.SipPeer peer, java.net.InetAddress remote,
                         boolean controlling, SipRtpListener listener, List<Codec> codecs, boolean telephoneEvent,
                         boolean comedia) throws java.io.IOException {
        var iceDtls = peer == null ? null : stack.registrar().rules().iceDtls(peer);
        SipMedia m;
        if (iceDtls != null) {
            java.net.InetAddress host = java.net.InetAddress.getByName(stack.localHost(remote));
            m = SipIceMedia.open(stack, iceDtls, peer.encryption().optimistic(), host, controlling, listener, codecs, telephoneEvent);
        } else {
            SipSdes[] sdes = new SipSdes[1]; // media_encryption=sdes / encryption=yes: SDES-SRTP (RFC 4568)
            RtpSession rtp = SipSdes.open(stack, peer, listener, sdes);
            m = new SipMedia(rtp, codecs, telephoneEvent, comedia, sdes[0]);
        }
        var jb = stack.settings().jitterBuffer();
        m.rtp().setJitterBuffer(jb.enabled(), jb.maxSizeMs(), jb.adaptive());
        // dtmfmode=inband: digits found in the audio we receive, ours played as tones into what we send
        m.rtp().setInbandDtmf(peer != null && peer.dtmfMode() == org.switchboard.channels.sip.config.DtmfMode.INBAND);
        return m;
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
        if (ice != null) ourOffer = ice.dress(ourOffer);
        if (sdes != null) ourOffer = sdes.decorateOffer(ourOffer);
        return ourOffer;
    }

    /** Answers the peer's offer; on success the RTP session follows it. */
    SdpNegotiator.Result answer(SessionDescription offer, String host) {
        if (ice != null) {
            offer = ice.fromPeer(offer);
            if (offer == null) return new SdpNegotiator.Rejected("WebRTC endpoint: the offer has no DTLS-SRTP with ICE");
        }
        SipSdes.Prepared srtp = null;
        if (sdes != null) {
            Object p = sdes.prepareAnswer(offer);
            if (p instanceof SdpNegotiator.Rejected rej) return rej;
            srtp = (SipSdes.Prepared) p;
            offer = srtp.plainOffer();
        }
        SdpNegotiator.Result r = literal(SdpNegotiator.answer(offer, allowed, local(host, Direction.SENDRECV)));
        if (srtp != null && r instanceof SdpNegotiator.Accepted a) r = sdes.finishAnswer(a, srtp);
        if (r instanceof SdpNegotiator.Accepted a) {
            apply(a);
            if (ice != null) {
                r = new SdpNegotiator.Accepted(ice.dress(a.answer()), a.codecs(), a.payloadTypes(), a.dtmfPayloadType(),
                    a.remoteAddress(), a.remotePort(), a.direction(), a.ptime(), a.held());
                negotiated = (SdpNegotiator.Accepted) r;
            }
        }
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
        if (ice != null) {
            answer = ice.fromPeer(answer);
            if (answer == null) return new SdpNegotiator.Rejected("WebRTC endpoint: the answer has no DTLS-SRTP with ICE");
        }
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
        InetSocketAddress iceRemote = ice == null ? null : ice.selectedRemote();
        if (iceRemote != null) {
            rtp.setRemote(iceRemote); // a re-INVITE's c= names a default candidate; ICE knows where the peer is
        } else if (a.remotePort() > 0 && !a.remoteAddress().equals("0.0.0.0")) {
            rtp.setRemote(new InetSocketAddress(a.remoteAddress(), a.remotePort()));
        }
        rtp.setHold(a.held() || !a.direction().sends());
    }

    /** The SDP codecs for a peer's {@code allow=} list; chan_sip's ulaw, alaw when it lists none or for guests. */
    public static List<Codec> codecsFor(org.switchboard.channels.sip.config.SipPeer peer) {
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
