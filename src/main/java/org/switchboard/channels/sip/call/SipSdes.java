package org.switchboard.channels.sip.call;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.channels.sip.SipStack;
import org.switchboard.channels.sip.config.MediaEncryption;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.sdp.Attribute;
import org.switchboard.channels.sip.sdp.CryptoAttribute;
import org.switchboard.channels.sip.sdp.MediaDescription;
import org.switchboard.channels.sip.sdp.SdpNegotiator;
import org.switchboard.channels.sip.sdp.SessionDescription;
import org.switchboard.media.rtp.RtpSession;
import org.switchboard.media.srtp.SdesSrtpTransport;
import org.switchboard.net.dtls.Srtp;

/**
 * SDES-SRTP for one call (RFC 4568), for a peer with {@code encryption=yes} or
 * {@code media_encryption=sdes}: our offer carries a=crypto lines (AES_CM_128_HMAC_SHA1_80, then
 * _32) on RTP/SAVP, or on RTP/AVP when {@code media_encryption_optimistic} lets the peer decline;
 * an offer is answered with the first line we can use and our own key (§5.1.2); the negotiated
 * keys go to the call's {@link SdesSrtpTransport}. {@link SdpNegotiator} sees each SDP as plain
 * RTP/AVP and stays unaware of all this. Not thread-safe: {@link SipMedia} calls it under the call's lock.
 */
final class SipSdes {
    static final String SAVP = "RTP/SAVP", AVP = "RTP/AVP";

    private final boolean optimistic;
    private final SdesSrtpTransport transport;
    private List<CryptoAttribute> offered = List.of();

    private SipSdes(boolean optimistic, SdesSrtpTransport transport) {
        this.optimistic = optimistic;
        this.transport = transport;
    }

    /**
     * The RTP session of a call with {@code peer}: over SDES-SRTP when the peer asks for it
     * (then {@code holder[0]} gets the negotiation), else plain UDP.
     */
    static RtpSession open(SipStack stack, SipPeer peer, RtpSession.Listener listener, SipSdes[] holder) throws IOException {
        MediaEncryption e = peer == null ? MediaEncryption.NONE : peer.encryption();
        if (!e.sdes()) return stack.rtp().open(listener);
        SdesSrtpTransport.warmUp(); // here, on the call's set-up thread, never on an RTP event loop
        SdesSrtpTransport t = new SdesSrtpTransport(stack.rtp().openUdpTransport(), e.optimistic());
        holder[0] = new SipSdes(e.optimistic(), t);
        return stack.rtp().open(t, listener);
    }

    /** What answering an offer needs: the offer as plain RTP/AVP for the negotiator, and the line chosen (null: plain RTP). */
    record Prepared(SessionDescription plainOffer, CryptoAttribute chosen, String proto) {}

    /** Our offer with a=crypto lines and fresh keys on its audio stream. */
    SessionDescription decorateOffer(SessionDescription offer) {
        offered = List.of(CryptoAttribute.fresh(1, CryptoAttribute.Suite.AES_CM_128_HMAC_SHA1_80),
            CryptoAttribute.fresh(2, CryptoAttribute.Suite.AES_CM_128_HMAC_SHA1_32));
        List<Attribute> lines = new ArrayList<>();
        for (CryptoAttribute c : offered) lines.add(c.attribute());
        return withAudio(offer, optimistic ? AVP : SAVP, lines); // RFC 4568 §4: RTP/SAVP; optimistic: best effort on AVP
    }

    /**
     * Reads the peer's offer: the crypto line to take, or a rejection (488) with the reason, or
     * plain RTP when we are optimistic and the offer has none.
     */
    Object prepareAnswer(SessionDescription offer) {
        MediaDescription m = audio(offer);
        if (m == null) return new Prepared(offer, null, AVP); // the negotiator says what is wrong
        List<String> values = cryptoValues(m);
        if (values.isEmpty()) {
            if (m.isSecure()) return new SdpNegotiator.Rejected("RTP/SAVP offered without a=crypto");
            if (!optimistic) return new SdpNegotiator.Rejected("SDES-SRTP required (media_encryption=sdes / encryption=yes) and the offer has no a=crypto");
            return new Prepared(offer, null, AVP);
        }
        String firstProblem = null;
        for (String v : values) {
            switch (CryptoAttribute.parse(v)) {
                case CryptoAttribute.Ok ok -> {
                    return new Prepared(withAudio(offer, AVP, List.of()), ok.crypto(), m.proto());
                }
                case CryptoAttribute.Unusable u -> { if (firstProblem == null) firstProblem = u.reason(); }
            }
        }
        if (!m.isSecure() && optimistic) return new Prepared(withAudio(offer, AVP, List.of()), null, AVP);
        return new SdpNegotiator.Rejected("no usable a=crypto in the offer: " + firstProblem);
    }

    /** The negotiator's answer to a {@link Prepared} offer, with our a=crypto; the transport takes the keys. */
    SdpNegotiator.Accepted finishAnswer(SdpNegotiator.Accepted a, Prepared p) {
        if (p.chosen() == null) {
            transport.plain();
            return a;
        }
        CryptoAttribute their = p.chosen();
        CryptoAttribute ours = CryptoAttribute.fresh(their.tag(), their.suite()); // §5.1.2: same tag and suite, our key
        transport.secure(Srtp.sdes(ours.key(), ours.salt(), their.key(), their.salt(), their.suite().rtpTagLength));
        SessionDescription answer = withAudio(a.answer(), p.proto(), List.of(ours.attribute()));
        return new SdpNegotiator.Accepted(answer, a.codecs(), a.payloadTypes(), a.dtmfPayloadType(), a.remoteAddress(),
            a.remotePort(), a.direction(), a.ptime(), a.held());
    }

    /** The peer's answer as plain RTP/AVP, for the negotiator. */
    SessionDescription plainAnswer(SessionDescription answer) {
        return audio(answer) == null ? answer : withAudio(answer, AVP, List.of());
    }

    /** The peer answered our offer: its key for the line it chose, or why the answer is unusable (null: fine). */
    String acceptAnswer(SessionDescription answer) {
        MediaDescription m = audio(answer);
        List<String> values = m == null ? List.of() : cryptoValues(m);
        if (values.isEmpty()) {
            if (!optimistic) return "the answer has no a=crypto (media_encryption=sdes / encryption=yes)";
            transport.plain();
            return null;
        }
        if (!(CryptoAttribute.parse(values.get(0)) instanceof CryptoAttribute.Ok ok)) {
            return "unusable a=crypto in the answer: " + ((CryptoAttribute.Unusable) CryptoAttribute.parse(values.get(0))).reason();
        }
        CryptoAttribute their = ok.crypto();
        for (CryptoAttribute ours : offered) {
            if (ours.tag() == their.tag() && ours.suite() == their.suite()) {
                transport.secure(Srtp.sdes(ours.key(), ours.salt(), their.key(), their.salt(), ours.suite().rtpTagLength));
                return null;
            }
        }
        return "the answer's a=crypto tag " + their.tag() + " (" + their.suite() + ") was not offered";
    }

    private static MediaDescription audio(SessionDescription sdp) {
        for (MediaDescription m : sdp.media()) if (m.isAudio() && m.port() != 0) return m;
        return null;
    }

    private static List<String> cryptoValues(MediaDescription m) {
        List<String> out = new ArrayList<>();
        for (Attribute a : m.attributes()) if (a.name().equals(CryptoAttribute.NAME)) out.add(a.value());
        return out;
    }

    /** {@code sdp} with its first live audio stream on {@code proto}, its a=crypto lines replaced by {@code crypto}. */
    private static SessionDescription withAudio(SessionDescription sdp, String proto, List<Attribute> crypto) {
        List<MediaDescription> media = new ArrayList<>();
        boolean done = false;
        for (MediaDescription m : sdp.media()) {
            if (done || !m.isAudio() || m.port() == 0) {
                media.add(m);
                continue;
            }
            done = true;
            List<Attribute> attrs = new ArrayList<>();
            for (Attribute a : m.attributes()) if (!a.name().equals(CryptoAttribute.NAME)) attrs.add(a);
            attrs.addAll(crypto);
            media.add(new MediaDescription(m.media(), m.port(), m.portCount(), proto, m.formats(), m.connection(), attrs, m.other()));
        }
        return new SessionDescription(sdp.version(), sdp.origin(), sdp.sessionName(), sdp.connection(), sdp.timing(),
            sdp.attributes(), media, sdp.other());
    }
}
