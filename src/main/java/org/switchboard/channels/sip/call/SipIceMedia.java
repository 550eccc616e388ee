package org.switchboard.channels.sip.call;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.switchboard.channels.sip.SipStack;
import org.switchboard.channels.sip.config.IceDtlsMedia;
import org.switchboard.channels.sip.sdp.Attribute;
import org.switchboard.channels.sip.sdp.Connection;
import org.switchboard.channels.sip.sdp.MediaDescription;
import org.switchboard.channels.sip.sdp.SdpWriter;
import org.switchboard.channels.sip.sdp.SessionDescription;
import org.switchboard.core.PbxLog;
import org.switchboard.media.rtp.RtpSession;
import org.switchboard.net.ice.IceCandidate;
import org.switchboard.net.ice.IceDtlsTransport;
import org.switchboard.net.ice.IceSdp;
import org.switchboard.net.ice.IceSettings;

/**
 * The WebRTC half of a SIP call's media: the call's {@link RtpSession} runs over an
 * {@link IceDtlsTransport} (the transport of the Skype channel's Jingle calls), and the SDP
 * carries what it needs (RFC 8829 §5, RFC 8843): the {@code UDP/TLS/RTP/SAVPF} profile, ICE
 * credentials and candidates, the DTLS fingerprint and setup role, rtcp-mux, and the offer's
 * {@code a=mid} in a BUNDLE group. The codec choice itself stays {@link org.switchboard.channels.sip.sdp.SdpNegotiator}'s:
 * a peer's description reaches it as RTP/AVP ({@link #fromPeer}), ours leaves it dressed for
 * WebRTC ({@link #dress}). Not thread-safe: {@link SipMedia} calls it under the call's lock.
 */
final class SipIceMedia {
    /** ICE must select a pair and DTLS finish within this of the peer's description (then the call ends). */
    static final Duration FAIL_AFTER = Duration.ofSeconds(15);

    private final IceDtlsTransport transport;
    private final IceDtlsMedia options;
    private final boolean optimistic;
    private boolean plain; // an optimistic offer or answer without DTLS: plain RTP, nothing of ours in the SDP
    private String mid = "0";
    private String peerProfile;
    private boolean peerBundles;
    private boolean remoteSet;

    private SipIceMedia(IceDtlsTransport transport, IceDtlsMedia options, boolean optimistic) {
        this.transport = transport;
        this.options = options;
        this.optimistic = optimistic;
    }

    /**
     * Binds the transport on {@code host} (where the peer reached us) and opens the call's RTP
     * session on it; once ICE and DTLS are up, RTP goes to the selected pair. If they fail, the
     * call is hung up through {@code listener} with one log line. {@code optimistic}
     * ({@code media_encryption_optimistic}): our offer is on RTP/AVP, and a peer without DTLS gets plain RTP.
     */
    static SipMedia open(SipStack stack, IceDtlsMedia options, boolean optimistic, InetAddress host, boolean controlling,
                         SipRtpListener listener, List<org.switchboard.channels.sip.sdp.Codec> codecs, boolean telephoneEvent)
            throws IOException {
        IceDtlsTransport t = IceDtlsTransport.open(new IceSettings(List.of(host), null, stack.rtp().config().rtpStart(), stack.rtp().config().rtpEnd(), FAIL_AFTER), controlling);   // rtp.conf's range, as for plain RTP
        RtpSession rtp;
        try {
            rtp = stack.rtp().open(t, listener);
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
        t.ready().whenComplete((ok, e) -> {
            if (e == null) {
                rtp.setRemote(t.selectedRemote());
                PbxLog.verbose(4, "WebRTC media up: " + t.selectedPair() + ", DTLS " + t.dtlsState());
            } else if (!(e instanceof java.util.concurrent.CancellationException)) {
                listener.mediaFailed("ICE/DTLS failed: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            }
        });
        t.onFailure(e -> listener.mediaFailed(e.getMessage()));
        return new SipMedia(rtp, codecs, telephoneEvent, false, new SipIceMedia(t, options, optimistic));
    }

    /** Where ICE sends now, or null before a pair is selected. */
    InetSocketAddress selectedRemote() { return transport.selectedRemote(); }

    /**
     * The peer's offer or answer for the negotiator: its ICE and DTLS values go to the transport
     * (the first time), its audio section is read as RTP/AVP. A fingerprint without ICE
     * credentials is DTLS-SRTP on the SDP's address (RFC 5763 §5). Null when the peer offers no
     * DTLS and we are not optimistic, or offers RTP/SAVP without a fingerprint: the caller answers 488.
     */
    SessionDescription fromPeer(SessionDescription sdp) {
        MediaDescription audio = sdp.firstAudio();
        if (audio == null || audio.port() == 0) return sdp; // the negotiator says what is wrong
        boolean savp = audio.proto().toUpperCase(Locale.ROOT).contains("SAVP");
        IceSdp.Remote r = IceSdp.read(SdpWriter.write(sdp));
        if (r.fingerprint() == null) {
            if (savp || !optimistic) return null;
            if (!remoteSet) { // media_encryption_optimistic: "do not fail the call" (res_pjsip)
                remoteSet = true;
                plain = true;
                Connection c = sdp.connectionFor(audio);
                if (c != null && SipMedia.isIpLiteral(c.address())) transport.plain(new InetSocketAddress(c.address(), audio.port()));
            }
            return plain ? sdp : null;
        }
        if (!savp && !optimistic) return null;
        if (r.credentials() == null) {
            Connection c = sdp.connectionFor(audio);
            if (c == null || !SipMedia.isIpLiteral(c.address())) return null;
            if (!remoteSet) {
                remoteSet = true;
                peerProfile = audio.proto();
                transport.setRemoteWithoutIce(new InetSocketAddress(c.address(), audio.port()), r.fingerprint(), r.setup());
            }
            return asAvp(sdp, audio, c.address());
        }
        peerProfile = audio.proto();
        String m = audio.attribute("mid");
        if (m != null && !m.isBlank()) mid = m.trim();
        for (Attribute a : sdp.attributes()) {
            if (a.name().equals("group") && a.value() != null && a.value().startsWith("BUNDLE")) peerBundles = true;
        }
        if (!remoteSet) {
            remoteSet = true;
            for (IceCandidate c : r.candidates()) transport.addRemoteCandidate(c);
            transport.setRemote(r.credentials(), r.fingerprint(), r.setup());
        }
        // RFC 8839 §4.2.1.1: with ICE, c= only names the default candidate; 0.0.0.0 there is not hold
        Connection c = sdp.connectionFor(audio);
        return asAvp(sdp, audio, c == null || c.isLegacyHold() ? defaultAddress(r) : c.address());
    }

    /** {@code sdp} with {@code audio} on RTP/AVP at {@code addr}, for the negotiator. */
    private static SessionDescription asAvp(SessionDescription sdp, MediaDescription audio, String addr) {
        List<MediaDescription> media = new ArrayList<>();
        for (MediaDescription d : sdp.media()) {
            media.add(d != audio ? d : new MediaDescription(d.media(), d.port(), d.portCount(), "RTP/AVP", d.formats(),
                d.connection() == null ? null : Connection.of(addr), d.attributes(), d.other()));
        }
        return new SessionDescription(sdp.version(), sdp.origin(), sdp.sessionName(),
            sdp.connection() == null ? null : Connection.of(addr), sdp.timing(), sdp.attributes(), media, sdp.other());
    }

    private String defaultAddress(IceSdp.Remote r) {
        for (IceCandidate c : r.candidates()) if (SipMedia.isIpLiteral(c.ip())) return c.ip();
        return transport.localAddress().getAddress().getHostAddress();
    }

    /**
     * Our offer or answer as a WebRTC peer reads it; an optimistic offer on RTP/AVP (Asterisk
     * offers its fingerprint there), an answer to a plain offer left plain.
     */
    SessionDescription dress(SessionDescription ours) {
        if (plain) return ours;
        List<MediaDescription> media = new ArrayList<>();
        boolean first = true;
        for (MediaDescription d : ours.media()) {
            if (!first || !d.isAudio() || d.port() == 0) {
                media.add(d);
                continue;
            }
            first = false;
            List<Attribute> attrs = new ArrayList<>();
            attrs.add(new Attribute("mid", mid));
            for (String line : IceSdp.attributes(transport)) attrs.add(attribute(line));
            attrs.addAll(d.attributes());
            String profile = peerProfile != null ? peerProfile // RFC 3264 §6: the answer keeps the offer's
                : optimistic ? "RTP/AVP" : options.profile();
            media.add(new MediaDescription(d.media(), d.port(), d.portCount(), profile, d.formats(), d.connection(), attrs, d.other()));
        }
        List<Attribute> session = new ArrayList<>(ours.attributes());
        if (peerProfile == null || peerBundles) session.add(new Attribute("group", "BUNDLE " + mid)); // RFC 8843 §7
        return new SessionDescription(ours.version(), ours.origin(), ours.sessionName(), ours.connection(), ours.timing(),
            session, media, ours.other());
    }

    private static Attribute attribute(String line) {
        String a = line.startsWith("a=") ? line.substring(2) : line;
        int colon = a.indexOf(':');
        return colon < 0 ? Attribute.flag(a) : new Attribute(a.substring(0, colon), a.substring(colon + 1));
    }
}
