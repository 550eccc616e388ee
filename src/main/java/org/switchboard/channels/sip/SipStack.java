package org.switchboard.channels.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.switchboard.channels.sip.call.SipCalls;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipMessage;
import org.switchboard.channels.sip.message.Via;
import org.switchboard.channels.sip.registrar.BindingEvent;
import org.switchboard.channels.sip.registrar.Registrar;
import org.switchboard.channels.sip.transaction.ScheduledSipTimers;
import org.switchboard.channels.sip.transaction.TimerSettings;
import org.switchboard.channels.sip.transaction.TransactionLayer;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.Protocol;
import org.switchboard.channels.sip.transport.SipSender;
import org.switchboard.channels.sip.transport.SipTransport;
import org.switchboard.channels.sip.transport.TcpSipTransport;
import org.switchboard.channels.sip.transport.UdpSipTransport;
import org.switchboard.channels.sip.transport.WsSipTransport;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.media.rtp.RtpConfig;
import org.switchboard.media.rtp.RtpEngine;

/**
 * One running SIP user agent: the transports, the transaction layer, the registrar, RTP, and the
 * calls and peers they serve. Built by {@link SipModule}; the settings snapshot swaps on reload.
 */
public final class SipStack implements AutoCloseable {
    private final Pbx pbx;
    private volatile SipSettings settings;
    private final UdpSipTransport udp;
    private final TcpSipTransport tcp;
    private final TcpSipTransport tls;
    private final TransactionLayer layer;
    private final ScheduledSipTimers timers;
    private final Registrar registrar;
    private final RtpEngine rtp;
    private final SipLocalAddress local;
    private final SipCalls calls = new SipCalls();
    private final SipPeerStates peerStates = new SipPeerStates();
    private final SipDebug debug = new SipDebug();
    private final SipStrands strands = SipStrands.perCore();
    private final SipOverload overload = new SipOverload();
    private final ScheduledExecutorService housekeeping;
    private final ScheduledFuture<?> sweep;
    private final SipRequestRouter router;
    private final String technology;
    private volatile java.util.function.Consumer<BindingEvent> bindingListener = e -> { };
    private volatile WsSipTransport ws; // SIP over WebSocket, riding the HTTP server (RFC 7118), or null

    private SipStack(Pbx pbx, SipSettings settings, RtpConfig rtpConfig, String technology) throws Exception {
        this.pbx = pbx;
        this.technology = technology;
        this.settings = settings;
        InetAddress udpAddr = InetAddress.getByName(settings.udpBindAddr());
        this.local = new SipLocalAddress(udpAddr);
        this.registrar = new Registrar(settings, pbx.clock());
        this.housekeeping = pbx.scheduler(); // the PBX's one timer service
        this.timers = new ScheduledSipTimers(housekeeping);
        DeferredSender sender = new DeferredSender();
        this.router = new SipRequestRouter(this);
        this.layer = new TransactionLayer(sender, timers, settings.timers(), router);
        UdpSipTransport u = null;
        TcpSipTransport t = null, tl = null;
        RtpEngine r = null;
        try {
            u = UdpSipTransport.bind(new InetSocketAddress(udpAddr, settings.udpBindPort()), this::received,
                settings.messageLimits());
            if (settings.tcpEnable()) {
                t = TcpSipTransport.bind(new InetSocketAddress(InetAddress.getByName(settings.tcpBindAddr()),
                    settings.tcpBindPort()), this::received, settings.tcpLimits(), settings.messageLimits());
            }
            tl = SipTlsTransport.start(settings, this::received);
            r = new RtpEngine(udpAddr, rtpConfig, housekeeping, pbx.clock());
        } catch (Exception | Error e) {
            if (u != null) u.close();
            if (t != null) t.close();
            if (tl != null) tl.close();
            timers.close();
            strands.close();
            throw e;
        }
        this.udp = u;
        this.tcp = t;
        this.tls = tl;
        this.rtp = r;
        sender.target = SipTransport.router(udp, tcp, tls);
        this.sweep = housekeeping.scheduleWithFixedDelay(this::sweepBindings, 5, 5, TimeUnit.SECONDS);
    }

    /** Binds the transports and starts; throws when a socket cannot be bound. */
    public static SipStack start(Pbx pbx, SipSettings settings, RtpConfig rtpConfig) throws Exception {
        return new SipStack(pbx, settings, rtpConfig, "SIP");
    }

    /**
     * The same stack for another configuration dialect: {@code technology} names its channels
     * ({@code PJSIP/endpoint-00000001}); {@code rules} are the dialect's per-peer decisions.
     */
    public static SipStack start(Pbx pbx, SipSettings settings, RtpConfig rtpConfig, String technology,
                                 org.switchboard.channels.sip.registrar.PeerRules rules) throws Exception {
        SipStack s = new SipStack(pbx, settings, rtpConfig, technology);
        s.registrar.rules(rules);
        return s;
    }

    /** {@code SIP} or {@code PJSIP}: the prefix of this stack's channel names. */
    public String technology() { return technology; }

    public Pbx pbx() { return pbx; }
    public SipSettings settings() { return settings; }
    public TransactionLayer layer() { return layer; }
    public Registrar registrar() { return registrar; }
    public RtpEngine rtp() { return rtp; }
    public SipCalls calls() { return calls; }
    public SipPeerStates peerStates() { return peerStates; }
    public SipDebug debug() { return debug; }
    public ScheduledExecutorService scheduler() { return housekeeping; }
    /** T1, T2 and 64*T1 as sip.conf's {@code timert1} set them at start (a reload keeps them). */
    public TimerSettings timerSettings() { return layer.settings(); }
    public InetSocketAddress udpAddress() { return udp.localAddress(); }
    public InetSocketAddress tcpAddress() { return tcp == null ? null : tcp.localAddress(); }
    /** The TLS listener's address, null when TLS is off or could not start. */
    public InetSocketAddress tlsAddress() { return tls == null ? null : tls.localAddress(); }

    /**
     * Where requests to a host go (RFC 3263), through this PBX's resolver, over the transports this
     * stack has. With {@code srvlookup=no} (chan_sip) the caller looks the host up itself.
     */
    public SipServerLocator locator() { return new SipServerLocator(org.switchboard.net.dns.DnsResolver.of(pbx), transports()); }

    /** The same from what the resolver remembers only, never asking the DNS: for the reader and strand threads. */
    public SipServerLocator rememberedLocator() {
        return new SipServerLocator(org.switchboard.net.dns.DnsResolver.of(pbx).rememberedOnly(), transports());
    }

    private java.util.Set<Protocol> transports() {
        java.util.Set<Protocol> have = java.util.EnumSet.of(Protocol.UDP);
        if (tcp != null) have.add(Protocol.TCP);
        if (tls != null) have.add(Protocol.TLS);
        return have;
    }

    /**
     * Carries SIP over WebSocket too (ws and wss): what the connections of the returned transport
     * read comes into this stack; messages for a WS or WSS endpoint go out through it. Once.
     */
    public WsSipTransport enableWebSocket(java.util.function.Supplier<InetSocketAddress> http,
                                          java.util.function.Supplier<InetSocketAddress> https) {
        WsSipTransport w = new WsSipTransport(this::received, settings.messageLimits(), settings.tcpLimits(), housekeeping, http, https);
        ws = w;
        return w;
    }

    /** The WebSocket transport, or null. */
    public WsSipTransport webSocket() { return ws; }

    public SipRequestRouter router() { return router; }

    /** Where new calls are refused when the PBX cannot take them. */
    public SipOverload overload() { return overload; }

    /** SIP messages read and waiting for their strand now. */
    public int queuedMessages() { return strands.queued(); }

    /**
     * Who hears of every change to the registrations (the driver: device state, PeerStatus):
     * called after the REGISTER is answered or the sweep has removed an expired contact.
     */
    public void onBindingChange(java.util.function.Consumer<BindingEvent> listener) { bindingListener = listener; }

    /** Tells the driver of registration changes; a listener's failure is a log line, never the caller's. */
    void bindingsChanged(java.util.List<BindingEvent> events) {
        for (BindingEvent e : events) {
            // a contact replaced by a newer one of the same peer is no unregistration
            if (e.kind() == BindingEvent.Kind.REMOVED && events.stream().anyMatch(o -> o.kind() != BindingEvent.Kind.REMOVED
                    && o.kind() != BindingEvent.Kind.EXPIRED && o.binding().peer().equals(e.binding().peer()))) continue;
            try {
                bindingListener.accept(e);
            } catch (RuntimeException ex) {
                PbxLog.warning("chan_sip.c", "registration change of '" + e.binding().peer() + "' not handled: " + ex);
            }
        }
    }

    /** A response to {@code r} with our Server header and {@code tag} on To when it has none. */
    public org.switchboard.channels.sip.message.SipResponse routerReply(
            org.switchboard.channels.sip.message.SipRequest r, int status, String tag) {
        return router.reply(r, status, tag);
    }

    /** {@code sip reload}: new settings for new requests; calls and registrations keep running. */
    public void reload(SipSettings next) {
        settings = next;
        registrar.reload(next);
    }

    /**
     * A request from {@code source} passed authentication, or was let in as a guest: over TCP its
     * connection is trusted from now on (no tcpauthtimeout, not counted against tcpauthlimit).
     */
    public void authenticated(Endpoint source) {
        if (tcp != null && source.protocol() == Protocol.TCP) tcp.authenticated(source.address());
        if (tls != null && source.protocol() == Protocol.TLS) tls.authenticated(source.address());
        WsSipTransport w = ws;
        if (w != null && source.protocol().isWebSocket()) w.authenticated(source.address());
    }

    /** Our host for a message to {@code to} (Via sent-by, Contact, SDP). */
    public String localHost(InetAddress remote) { return local.forRemote(remote, settings); }

    /** Our port on the transport that reaches {@code to}. */
    public int localPort(Protocol p) {
        if (p == Protocol.TLS && tls != null) return tls.localAddress().getPort();
        WsSipTransport w = ws;
        if (w != null && p.isWebSocket()) return w.localAddress(p).getPort();
        return p == Protocol.TCP && tcp != null ? tcp.localAddress().getPort() : udp.localAddress().getPort();
    }

    /** A fresh top Via for a request to {@code to}, asking for rport (RFC 3581 §3). */
    public Via newVia(Endpoint to) {
        return Via.of(to.protocol().name(), localHost(to.address().getAddress()), localPort(to.protocol()), SipIds.branch())
            .withParam("rport", null);
    }

    /** On a socket thread: the message goes to its dialog's strand (by Call-ID), where all its work runs. */
    private void received(SipMessage m, Endpoint source) {
        SipMessage msg = m instanceof org.switchboard.channels.sip.message.SipRequest r && source.protocol() == Protocol.UDP
                && registrar.rules().forceRport(settings, Registrar.viaDiffers(r, source.address()))
            ? org.switchboard.channels.sip.transport.ViaStamp.forceRport(r, source.address()) : m;
        if (msg instanceof org.switchboard.channels.sip.message.SipRequest r && overload.shed(this, strands, r, source)) {
            if (debug.enabled()) debug.log(false, msg, source);
            return;
        }
        try {
            strands.execute(msg.callId(), () -> {
                if (debug.enabled()) debug.log(false, msg, source);
                layer.onMessage(msg, source);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            PbxLog.debug("chan_sip.c", "SIP stack closing: dropped " + msg.callId() + " from " + source);
        }
    }

    private void sweepBindings() {
        try {
            java.util.List<BindingEvent> expired = registrar.sweep();
            for (BindingEvent e : expired) PbxLog.verbose(3, "Registration for peer '" + e.binding().peer() + "' expired");
            bindingsChanged(expired);
        } catch (RuntimeException e) {
            PbxLog.warning("chan_sip.c", "binding sweep failed: " + e);
        }
    }

    @Override
    public void close() {
        sweep.cancel(false);
        calls.hangupAll();
        // give the channels a moment to send their BYEs, CANCELs and final responses
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
        while (calls.size() > 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        timers.close(); // first: a retransmission firing into a closed transport makes Netty log an ERROR
        udp.close();
        if (tcp != null) tcp.close();
        if (tls != null) tls.close();
        WsSipTransport w = ws;
        if (w != null) w.close();
        strands.close();
        rtp.close();
    }

    /** The sender handed to the transaction layer before the transports exist; logs for {@code sip set debug}. */
    private final class DeferredSender implements SipSender {
        volatile SipSender target;

        @Override public void send(SipMessage message, Endpoint to) {
            if (debug.enabled()) debug.log(true, message, to);
            WsSipTransport w = ws;
            if (w != null && to.protocol().isWebSocket()) w.send(message, to);
            else target.send(message, to);
        }

        @Override public void send(SipMessage message, Endpoint to, Consumer<Throwable> onFailure) {
            if (debug.enabled()) debug.log(true, message, to);
            WsSipTransport w = ws;
            if (w != null && to.protocol().isWebSocket()) w.send(message, to, onFailure);
            else target.send(message, to, onFailure);
        }
    }
}
