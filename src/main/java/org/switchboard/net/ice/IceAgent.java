package org.switchboard.net.ice;

import java.beans.PropertyChangeEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.RemoteCandidate;
import org.ice4j.ice.harvest.StunCandidateHarvester;

/**
 * Our use of an ice4j {@link Agent}: one stream, one component (rtcp-mux), host candidates on our
 * own sockets, a server-reflexive one when a STUN server is set, full ICE (RFC 8445) with regular
 * nomination by the controlling side, and consent freshness checks (RFC 7675) on the selected pair.
 * Remote candidates may come before or after the peer's credentials (trickle, RFC 8838); checks
 * start once both are there.
 */
final class IceAgent {
    /** What the agent reports; called on ice4j's threads, so implementations only hand off. */
    interface Listener {
        void selected();
        void failed(String why);
    }

    /**
     * The pacing of our checks (RFC 8445 §14.2: Ta, 50 ms by default, never under 5 ms). ice4j
     * uses 20 ms, and a controlling agent's nomination waits for the next beat after the first
     * valid pair, so each call's set-up paid up to 20 ms for it; our check lists are a handful of
     * pairs between host candidates, so 5 ms adds no burst worth pacing.
     */
    static final long TA_MILLIS = 5;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final Agent agent;
    private final IceMediaStream stream;
    private final Component component;
    private final ReentrantLock lock = new ReentrantLock(); // our own pending state, never held in ice4j callbacks
    private final List<RemoteCandidate> pending = new ArrayList<>();
    private boolean haveRemote;
    private boolean started;

    IceAgent(List<NettyIceSocket> sockets, InetSocketAddress stun, boolean controlling, Listener listener) throws IOException {
        Ice4j.init();
        agent = new Agent();
        agent.setControlling(controlling);
        agent.setTa(TA_MILLIS);
        agent.setUseDynamicPorts(false);        // no sockets of ice4j's own: ours, from IceHostHarvester
        agent.setPerformConsentFreshness(true); // RFC 7675 checks, not bare keep-alive indications
        agent.addCandidateHarvester(new IceHostHarvester(sockets));
        if (stun != null && !stun.isUnresolved()) { // a name is resolved by whoever configured it, never here per call
            agent.addCandidateHarvester(new StunCandidateHarvester(new TransportAddress(stun, Transport.UDP)));
        }
        agent.addStateChangeListener(e -> stateChanged(e, listener));
        stream = agent.createMediaStream("audio");
        component = agent.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, false);
    }

    IceCredentials localCredentials() { return new IceCredentials(agent.getLocalUfrag(), agent.getLocalPassword()); }

    List<IceCandidate> localCandidates() {
        List<IceCandidate> out = new ArrayList<>();
        List<LocalCandidate> all = component.getLocalCandidates();
        for (CandidateType t : new CandidateType[] {CandidateType.HOST_CANDIDATE, CandidateType.SERVER_REFLEXIVE_CANDIDATE}) {
            for (LocalCandidate c : all) {
                if (c.getType() == t) out.add(toRecord(c, out.size()));
            }
        }
        return out;
    }

    private IceCandidate toRecord(LocalCandidate c, int n) {
        TransportAddress a = c.getTransportAddress();
        TransportAddress rel = c.getRelatedAddress();
        return new IceCandidate(c.getFoundation(), component.getComponentID(), "udp", c.getPriority(),
            a.getHostAddress(), a.getPort(), c.getType().toString(), rel == null ? null : rel.getHostAddress(),
            rel == null ? 0 : rel.getPort(), 0, agent.getLocalUfrag() + "c" + n);
    }

    void setRemote(IceCredentials remote) {
        lock.lock();
        try {
            stream.setRemoteUfrag(remote.ufrag());
            stream.setRemotePassword(remote.pwd());
            haveRemote = true;
            startIfReady();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A remote candidate (any time); false when it is not one we can use: not UDP, not an IP
     * literal (host names and mDNS ".local" names are never resolved), a bad port or type.
     */
    boolean addRemoteCandidate(IceCandidate c) {
        TransportAddress address = literal(c.ip(), c.port());
        CandidateType type;
        try {
            type = CandidateType.parse(c.type().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!c.isUdp() || address == null || c.component() != 1) return false;
        RemoteCandidate rc = new RemoteCandidate(address, component, type, c.foundation(), c.priority(), null);
        lock.lock();
        try {
            if (started) {
                component.addUpdateRemoteCandidates(rc); // RFC 8838 §11: a trickled candidate joins the running checks
                component.updateRemoteCandidates();
            } else {
                pending.add(rc);
                startIfReady();
            }
        } finally {
            lock.unlock();
        }
        return true;
    }

    private void startIfReady() {
        if (started || !haveRemote || pending.isEmpty()) return;
        for (RemoteCandidate rc : pending) component.addRemoteCandidate(rc);
        pending.clear();
        started = true;
        agent.startConnectivityEstablishment();
    }

    private static TransportAddress literal(String ip, int port) {
        if (ip == null || port <= 0 || port > 65535) return null;
        if (!IPV4.matcher(ip).matches() && !IPV6.matcher(ip).matches()) return null;
        try {
            InetAddress a = InetAddress.getByName(ip); // a literal: no lookup
            if (a.isAnyLocalAddress() || a.isMulticastAddress()) return null;
            return new TransportAddress(a, port, Transport.UDP);
        } catch (IOException e) {
            return null;
        }
    }

    private void stateChanged(PropertyChangeEvent e, Listener listener) {
        if (!Agent.PROPERTY_ICE_PROCESSING_STATE.equals(e.getPropertyName())) return;
        IceProcessingState s = (IceProcessingState) e.getNewValue();
        if (s == IceProcessingState.COMPLETED) listener.selected();
        else if (s == IceProcessingState.FAILED) listener.failed("every candidate pair failed its checks");
    }

    /** The nominated pair, or null before ICE completes. */
    CandidatePair selectedPair() { return component.getSelectedPair(); }

    /** The socket of the selected pair's local candidate (its base, for a server-reflexive one). */
    NettyIceSocket selectedSocket() {
        CandidatePair p = component.getSelectedPair();
        if (p == null) return null;
        LocalCandidate base = p.getLocalCandidate().getBase();
        return base instanceof NettyHostCandidate h ? h.nettySocket() : null;
    }

    boolean isControlling() { return agent.isControlling(); }

    String state() { return agent.getState().toString(); }

    void close() {
        try {
            agent.free();
        } catch (RuntimeException e) {
            // freeing twice, or while ice4j shuts down: nothing left to free
        }
    }
}
