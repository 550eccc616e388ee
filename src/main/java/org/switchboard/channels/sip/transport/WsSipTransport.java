package org.switchboard.channels.sip.transport;

import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.switchboard.channels.sip.message.SipLimits;
import org.switchboard.channels.sip.message.SipMessage;
import org.switchboard.channels.sip.message.SipParser;
import org.switchboard.channels.sip.message.SipWriter;
import org.switchboard.core.PbxLog;
import org.switchboard.res.http.WebSocketProtocol;

/**
 * SIP over WebSocket (RFC 7118), the {@code sip} subprotocol of the HTTP server's {@code /ws}:
 * each text or binary message is one SIP message (§5.2), parsed and answered as a UDP datagram
 * is (a malformed one gets 400 when its Via can be read, else a rate-limited log line). A browser
 * cannot be connected to, so everything for it, responses and new requests alike, goes back over
 * the connection it opened, found by its address (§5: the flow); with none open, sending fails.
 *
 * <p>What one address may cost is capped as for TCP ({@link TcpLimits}: unauthenticated
 * connections in all and per address, closed after tcpauthtimeout unless a request on them
 * authenticates) and each connection may send {@link #MESSAGES_PER_SECOND}; beyond that its
 * messages are dropped, and a connection that keeps flooding is closed. Each cap says so once in
 * a rate-limited log line.
 */
public final class WsSipTransport implements SipTransport, WebSocketProtocol {
    static final String LOG = "sip.ws";
    /** A browser's SIP is a few messages a second; a burst of this many in one second is allowed. */
    static final int MESSAGES_PER_SECOND = 50;
    /** Messages in one second past which the connection is closed (RFC 6455 §7.4.1: 1008). */
    static final int CLOSE_AT = 4 * MESSAGES_PER_SECOND;

    private final SipTransportListener listener;
    private final SipParser parser;
    private final SipLimits limits;
    private final TcpLimits tcpLimits;
    private final TcpAdmission admission;
    private final ScheduledExecutorService timers;
    private final Supplier<InetSocketAddress> http, https;
    private final ConcurrentHashMap<InetSocketAddress, WsSipConnection> connections = new ConcurrentHashMap<>();

    /**
     * @param http  where the HTTP server listens now (null while it is not running): our Via and Contact port over ws
     * @param https the same for wss
     */
    public WsSipTransport(SipTransportListener listener, SipLimits limits, TcpLimits tcpLimits, ScheduledExecutorService timers,
                          Supplier<InetSocketAddress> http, Supplier<InetSocketAddress> https) {
        this.listener = listener;
        this.parser = new SipParser(limits);
        this.limits = limits;
        this.tcpLimits = tcpLimits;
        this.admission = new TcpAdmission(tcpLimits, "WebSocket");
        this.timers = timers;
        this.http = http;
        this.https = https;
    }

    @Override public Protocol protocol() { return Protocol.WS; }

    /** The HTTP server's address (port 0 while it is not running). */
    @Override public InetSocketAddress localAddress() { return localAddress(Protocol.WS); }

    public InetSocketAddress localAddress(Protocol p) {
        InetSocketAddress a = (p == Protocol.WSS ? https : http).get();
        return a != null ? a : new InetSocketAddress(0);
    }

    /** Open WebSocket connections carrying SIP. */
    public int connectionCount() { return connections.size(); }

    /** Connections that have not authenticated yet. */
    public int unauthenticatedCount() { return admission.unauthenticated(); }

    // ---- WebSocketProtocol: connections the HTTP server hands us ----

    @Override
    public Session open(Peer peer) {
        InetSocketAddress remote = peer.remote();
        if (!admission.admit(remote.getAddress())) return null; // refused, logged by the admission
        WsSipConnection c = new WsSipConnection(this, peer);
        connections.put(remote, c);
        c.start(timers, tcpLimits.authTimeout());
        return c;
    }

    void closed(WsSipConnection c, boolean heldPlace) {
        connections.remove(c.peer().remote(), c);
        if (heldPlace) admission.release(c.peer().remote().getAddress());
    }

    void releasePlace(WsSipConnection c) { admission.release(c.peer().remote().getAddress()); }

    /** One whole message from a connection (RFC 7118 §5.2: one SIP message each). */
    void received(WsSipConnection c, byte[] bytes) {
        Peer peer = c.peer();
        if (SipParser.isKeepAlive(bytes, 0, bytes.length)) { // RFC 5626 §4.4.1 over a stream: CRLFCRLF ping, CRLF pong
            if (bytes.length >= 4) peer.sendText(new byte[] {'\r', '\n'});
            return;
        }
        Endpoint source = new Endpoint(peer.secure() ? Protocol.WSS : Protocol.WS, peer.remote());
        Inbound.handle(parser.parse(bytes), source, listener, peer::sendText);
    }

    /** A request from {@code remote} passed authentication: its connection is trusted from now on. */
    public void authenticated(InetSocketAddress remote) {
        WsSipConnection c = connections.get(remote);
        if (c != null) c.authenticated();
    }

    // ---- SipTransport ----

    @Override public void send(SipMessage message, Endpoint to) { send(message, to, null); }

    @Override
    public void send(SipMessage message, Endpoint to, Consumer<Throwable> onFailure) {
        byte[] bytes = SipWriter.write(message);
        if (bytes.length > limits.maxMessageSize()) {
            PeerLog.log(PbxLog.Level.WARNING, PeerLog.SIP, to, "refusing to send " + bytes.length + " bytes to " + to + ": over the size limit");
            if (onFailure != null) onFailure.accept(new IllegalArgumentException("message over the size limit"));
            return;
        }
        WsSipConnection c = connections.get(to.address());
        if (c == null || !c.peer().sendText(bytes)) {
            PeerLog.log(PbxLog.Level.NOTICE, LOG, to, "No WebSocket connection to " + to + ": the browser has to connect and register again");
            if (onFailure != null) onFailure.accept(new IllegalStateException("no WebSocket connection to " + to));
        }
    }

    @Override
    public void close() {
        for (WsSipConnection c : connections.values()) c.peer().close(1001, "going away"); // RFC 6455 §7.4.1
        connections.clear();
    }
}
