package org.switchboard.bench.jingleload;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.switchboard.net.ice.IceSettings;
import org.switchboard.net.xmpp.jingle.JingleProviders;

/**
 * The network side of the transcoding load benchmark in one JVM: N buddy accounts logged in to the
 * test Prosody, each answering the PBX's Jingle call and streaming a pre-encoded Opus tone over
 * the project's own ICE + DTLS-SRTP transport. Media runs on the transport's two I/O threads
 * (shared by every call); a small pool opens transports while calls are set up. Smack 4.4 keeps a
 * reader and a writer thread per connection: idle once the calls are up.
 */
public final class JingleLoadPeer implements AutoCloseable {
    /** Per-call figures at one instant. */
    public record CallSnapshot(String user, boolean up, long sent, long received, long lost, long skipped) {}

    private final List<LoadBuddy> buddies = new ArrayList<>();
    private final ExecutorService setup = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "load-peer-setup");
        t.setDaemon(true);
        return t;
    });
    private final OpusTone tone;

    /**
     * Logs in {@code users} (password {@code "pw-" + user}), eight at a time.
     *
     * @param portMin first UDP port for the peer's ICE sockets (a range apart from the PBX's)
     */
    public JingleLoadPeer(String domain, List<String> users, int xmppPort, Path cert, int portMin, int portMax, OpusTone tone)
            throws Exception {
        this.tone = tone;
        JingleProviders.install();
        PeerWarmUp.run(5);
        IceSettings ice = new IceSettings(List.of(InetAddress.getLoopbackAddress()), null, portMin, portMax, Duration.ofSeconds(30));
        ExecutorService login = Executors.newFixedThreadPool(8);
        try {
            List<Future<LoadBuddy>> f = new ArrayList<>();
            for (String u : users) f.add(login.submit(() -> LoadBuddy.login(domain, u, "pw-" + u, xmppPort, cert, ice, tone, setup)));
            for (Future<LoadBuddy> x : f) buddies.add(x.get());
        } finally {
            login.shutdown();
        }
    }

    public OpusTone tone() { return tone; }

    /** Calls whose media is flowing both ways (ICE and DTLS done, at least one packet back). */
    public int callsWithMedia() {
        int n = 0;
        for (LoadBuddy b : buddies) {
            LoadMedia m = b.media();
            if (m != null && m.ready() && m.received() > 0) n++;
        }
        return n;
    }

    public List<CallSnapshot> snapshot() {
        List<CallSnapshot> out = new ArrayList<>(buddies.size());
        for (LoadBuddy b : buddies) {
            LoadMedia m = b.media();
            if (m == null) out.add(new CallSnapshot(b.user, false, 0, 0, 0, 0));
            else out.add(new CallSnapshot(b.user, m.ready(), m.sent(), m.received(), m.lost(), m.skipped()));
        }
        return out;
    }

    /**
     * Set-up stages in ms, for the calls that reached each: propose → session-initiate (the PBX
     * proposing, our proceed, its offer), → our session-accept (binding and gathering here),
     * → ICE + DTLS done, → the first packet back (through the PBX, SIPp's echo and back).
     */
    public Map<String, List<Double>> setupStages() {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (String k : List.of("propose->initiate", "initiate->accept", "accept->ice+dtls", "ice+dtls->first packet", "propose->first packet")) {
            out.put(k, new ArrayList<>());
        }
        for (LoadBuddy b : buddies) {
            long[] t = b.stageNanos();
            LoadMedia m = b.media();
            long first = m == null ? 0 : m.firstPacketNanos();
            if (t[1] != 0) out.get("propose->initiate").add((t[1] - t[0]) / 1e6);
            if (t[2] != 0) out.get("initiate->accept").add((t[2] - t[1]) / 1e6);
            if (t[3] != 0) out.get("accept->ice+dtls").add((t[3] - t[2]) / 1e6);
            if (first != 0 && t[3] != 0) out.get("ice+dtls->first packet").add((first - t[3]) / 1e6);
            if (first != 0) out.get("propose->first packet").add((first - t[0]) / 1e6);
        }
        return out;
    }

    /** Why calls failed on our side: reason → count. */
    public java.util.Map<String, Integer> failures() {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        for (LoadBuddy b : buddies) if (b.failure() != null) out.merge(b.failure(), 1, Integer::sum);
        return out;
    }

    /** The first call with media keeps the next {@code packets} payloads for {@link #toneCheck}. Returns its user, or null. */
    public String sample(int packets) {
        for (LoadBuddy b : buddies) {
            LoadMedia m = b.media();
            if (m != null && m.received() > 0) {
                m.keepPayloads(packets);
                return b.user;
            }
        }
        return null;
    }

    public OpusTone.Check toneCheck(String user) {
        for (LoadBuddy b : buddies) if (b.user.equals(user) && b.media() != null) return tone.check(b.media().keptPayloads());
        return new OpusTone.Check(0, 0, 0, Double.NaN);
    }

    /** Every buddy ends its call (session-terminate success). */
    public void hangupAll() {
        for (LoadBuddy b : buddies) b.hangup();
    }

    @Override
    public void close() {
        for (LoadBuddy b : buddies) b.logout();
        setup.shutdownNow();
    }
}
