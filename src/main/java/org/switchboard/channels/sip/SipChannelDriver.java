package org.switchboard.channels.sip;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.switchboard.channels.sip.call.SipCall;
import org.switchboard.channels.sip.call.SipMedia;
import org.switchboard.channels.sip.call.SipRtpListener;
import org.switchboard.channels.sip.call.SipUac;
import org.switchboard.channels.sip.config.SipConfig;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.registrar.Binding;
import org.switchboard.channels.sip.sdp.Codec;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.Protocol;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelDriver;
import org.switchboard.core.ChannelUnavailableException;
import org.switchboard.core.HangupCause;
import org.switchboard.core.MediaStream;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * {@code SIP/...} in Dial and Originate: finds where the peer is (its host, or its registered
 * contact), takes a {@code call-limit} slot and makes the outgoing channel; {@link SipUac} calls.
 */
public final class SipChannelDriver implements ChannelDriver {
    @Override public String technology() { return "SIP"; }
    @Override public String description() { return "Session Initiation Protocol (SIP)"; }

    @Override
    public Channel request(Pbx pbx, String data, Channel requestor) throws ChannelUnavailableException {
        SipModule m = SipModule.get(pbx);
        if (m == null || m.stack() == null) throw new ChannelUnavailableException(HangupCause.CHAN_NOT_IMPLEMENTED, "chan_sip is not running");
        SipStack stack = m.stack();
        SipDialString d;
        try {
            d = SipDialString.parse(data);
        } catch (IllegalArgumentException e) {
            throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT, e.getMessage());
        }
        SipPeer peer = stack.settings().peer(d.target());
        if (peer != null && !peer.type().isPeer()) peer = null; // a type=user cannot be called: host lookup, as chan_sip
        List<Endpoint> targets;
        SipUri ruri;
        String toHost;
        String toUser;
        if (peer != null) {
            if (peer.isDynamic()) {
                Binding b = stack.registrar().contact(peer.name());
                if (b == null) {
                    throw new ChannelUnavailableException(HangupCause.SUBSCRIBER_ABSENT,
                        "Unable to call SIP/" + data + ": peer '" + peer.name() + "' is not registered");
                }
                targets = List.of(new Endpoint(Protocol.of(b.transport()), new InetSocketAddress(b.targetHost(), b.targetPort())));
                ruri = d.exten() != null ? b.contact().withUser(d.exten()) : b.contact();
                toUser = d.exten() != null ? d.exten() : b.contact().user() != null ? b.contact().user() : peer.name();
                toHost = b.contact().hostPort();
            } else {
                int port = d.port() > 0 ? d.port() : peer.port();
                Protocol p = peer.transport();
                // a port of its own (the dial string's, or port= other than 5060) skips NAPTR and SRV (RFC 3263 §4.2)
                boolean portGiven = d.port() > 0 || peer.port() != SipConfig.DEFAULT_PORT;
                targets = locate(stack, peer.host(), portGiven ? port : 0, p == Protocol.UDP ? null : p, "Peer '" + peer.name() + "'", data);
                toUser = d.exten() != null ? d.exten() : peer.defaultUser();
                ruri = SipUri.sip(toUser, peer.host(), port == p.defaultPort() ? -1 : port);
                if (p.transportParam() != null) ruri = ruri.withParam("transport", p.transportParam()); // RFC 3261 §19.1.1
                toHost = ruri.hostPort();
            }
            if (stack.peerStates().qualify(peer.name()).status().equals("UNREACHABLE")) {
                throw new ChannelUnavailableException(HangupCause.SUBSCRIBER_ABSENT,
                    "Unable to call SIP/" + data + ": peer '" + peer.name() + "' is UNREACHABLE");
            }
        } else {
            targets = locate(stack, d.target(), d.port(), null, "SIP/" + data, data);
            toUser = d.exten();
            ruri = SipUri.sip(toUser, d.target(), d.port());
            toHost = ruri.hostPort();
        }
        String to = "<sip:" + (toUser == null ? "" : toUser + "@") + toHost + ">";
        return dial(pbx, stack, peer, targets, ruri, to, peer != null ? peer.name() : d.target(), requestor, data);
    }

    /**
     * The targets for {@code host}: RFC 3263 through {@link SipStack#locator()} when srvlookup is on
     * (pjsip.conf: always), else the host's address on {@code port} (5060 for none). No target: one
     * warning naming {@code who} and the host, and CHANUNAVAIL. Blocks on the DNS: the dialing
     * channel's own thread.
     */
    public static List<Endpoint> locate(SipStack stack, String host, int port, Protocol forced, String who, String data)
            throws ChannelUnavailableException {
        if (!stack.settings().srvLookup()) {
            Protocol p = forced == null ? Protocol.UDP : forced;
            return List.of(new Endpoint(p, resolve(host, port > 0 ? port : p.defaultPort(), data)));
        }
        SipServerLocator.Located l = stack.locator().locate(host, port, forced, false);
        if (l.targets().isEmpty()) {
            PbxLog.warning(stack.technology().equals("PJSIP") ? "chan_pjsip.c" : "chan_sip.c",
                who + ": cannot locate '" + host + "': " + l.error());
            throw new ChannelUnavailableException(HangupCause.NO_ROUTE_DESTINATION,
                "Unable to call " + stack.technology() + "/" + data + ": cannot locate '" + host + "'");
        }
        return l.targets();
    }

    /**
     * Makes the outgoing call leg, not yet called: an RTP session, a call-limit slot of
     * {@code peer} (null for none), a {@link SipUac} to {@code ruri} at {@code target}, and its
     * channel {@code <technology>/<base>-0000000n}. Shared by {@code SIP/} and {@code PJSIP/}.
     */
    public static Channel dial(Pbx pbx, SipStack stack, SipPeer peer, Endpoint target, SipUri ruri, String to,
                               String base, Channel requestor, String data) throws ChannelUnavailableException {
        return dial(pbx, stack, peer, List.of(target), ruri, to, base, requestor, data);
    }

    /** The same, to the first of {@code targets}, the others tried in turn when it fails (RFC 3263 §4.3). */
    public static Channel dial(Pbx pbx, SipStack stack, SipPeer peer, List<Endpoint> targets, SipUri ruri, String to,
                               String base, Channel requestor, String data) throws ChannelUnavailableException {
        Endpoint target = targets.get(0);
        List<Codec> codecs = SipMedia.codecsFor(peer);
        // the caller's codec first, so the two legs can be bridged natively, whatever carries the caller's media
        MediaStream callerMedia = requestor == null ? null : requestor.tech().mediaStream(requestor);
        String preferred = callerMedia == null ? null : callerMedia.codec();
        if (!SipCall.takeSlot(stack, peer)) {
            PbxLog.notice("chan_sip.c", "Call to peer '" + peer.name() + "' rejected due to usage limit of " + peer.callLimit());
            throw new ChannelUnavailableException(HangupCause.USER_BUSY, "call-limit of " + peer.callLimit() + " reached for '" + peer.name() + "'");
        }
        SipRtpListener listener = new SipRtpListener();
        boolean comedia = peer != null ? peer.nat().comedia() : stack.settings().nat().comedia();
        SipMedia media;
        try {
            media = SipMedia.open(stack, peer, target.address().getAddress(), true, listener, codecs,
                SipMedia.telephoneEvent(peer), comedia);
        } catch (IOException e) {
            SipCall.releaseSlot(stack, peer);
            throw new ChannelUnavailableException(HangupCause.NORMAL_CIRCUIT_CONGESTION, "no RTP port for " + stack.technology() + "/" + data + ": " + e.getMessage());
        }
        SipUac call = new SipUac(stack, peer, media, target, ruri, to, preferred);
        listener.attach(call);
        call.alternates(targets.subList(1, targets.size()));
        call.ownSlot();
        Channel c = pbx.allocChannel(stack.technology() + "/" + base + "-" + pbx.channels().nextSuffix(), call, requestor);
        call.attach(c, requestor);
        return c;
    }

    private static InetSocketAddress resolve(String host, int port, String data) throws ChannelUnavailableException {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new ChannelUnavailableException(HangupCause.NO_ROUTE_DESTINATION, "Unable to call SIP/" + data + ": cannot resolve '" + host + "'");
        }
    }
}
