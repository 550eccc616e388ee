package org.switchboard.channels.sip.registry;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;
import org.switchboard.channels.sip.config.SipConfig;
import org.switchboard.channels.sip.config.SipRegistration;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.message.ParseResult;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipParser;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipWriter;
import org.switchboard.channels.sip.registrar.AuthFailureTracker;
import org.switchboard.channels.sip.registrar.DigestAuthenticator;
import org.switchboard.channels.sip.registrar.RegisterOutcome;
import org.switchboard.channels.sip.registrar.Registrar;
import org.switchboard.channels.sip.transaction.ScheduledSipTimers;
import org.switchboard.channels.sip.transaction.ServerInviteTransaction;
import org.switchboard.channels.sip.transaction.ServerTransaction;
import org.switchboard.channels.sip.transaction.TimerSettings;
import org.switchboard.channels.sip.transaction.TransactionLayer;
import org.switchboard.channels.sip.transaction.TransactionUser;
import org.switchboard.channels.sip.transport.Protocol;
import org.switchboard.channels.sip.transport.SipTransport;
import org.switchboard.channels.sip.transport.SipTransportListener;
import org.switchboard.channels.sip.transport.TcpSipTransport;
import org.switchboard.channels.sip.transport.UdpSipTransport;
import org.switchboard.config.ConfigReader;

/** Both ends over real UDP on 127.0.0.1: our Registrar or a scripted fake, and the registering side. */
final class RegistryFixture {
    private RegistryFixture() {}

    static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);
    /** Timer F after 640 ms. */
    static final TimerSettings FAST = new TimerSettings(10, 40, 50);

    static SipSettings settings(String text) {
        SipSettings s = SipConfig.read(ConfigReader.parse("sip.conf", text, null));
        if (!s.problems().isEmpty()) throw new AssertionError("config problems: " + s.problems());
        return s;
    }

    static SipTransport bind(Protocol p, SipTransportListener listener) throws InterruptedException {
        return p == Protocol.TCP ? TcpSipTransport.bind(LOOPBACK, listener) : UdpSipTransport.bind(LOOPBACK, listener);
    }

    static SipRegistration line(String value) { return SipRegistration.parse(value, "sip.conf", 1); }

    /** Answers 501 to any request: the registering side expects none. */
    static final class NoRequests implements TransactionUser {
        @Override public void onRequest(ServerTransaction tx, SipRequest request) { tx.respond(501, SipIds.tag()); }
        @Override public void onCancel(ServerTransaction c, ServerInviteTransaction i, SipRequest r) { c.respond(200, null); }
    }

    /** The registering side: a UDP transport, a transaction layer and a scheduler. */
    static final class Client implements AutoCloseable {
        final ScheduledSipTimers timers = new ScheduledSipTimers();
        final ScheduledExecutorService scheduler;
        final TransactionLayer layer;
        final SipTransport transport;
        final List<RegistrationClient> made = new CopyOnWriteArrayList<>();

        Client(TimerSettings t) throws InterruptedException { this(t, Protocol.UDP); }

        Client(TimerSettings t, Protocol protocol) throws InterruptedException {
            ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
                Thread th = new Thread(r, "sip-registry-test");
                th.setDaemon(true);
                return th;
            });
            e.setRemoveOnCancelPolicy(true);
            scheduler = e;
            TransactionLayer[] l = new TransactionLayer[1];
            transport = bind(protocol, (m, s) -> l[0].onMessage(m, s));
            layer = l[0] = new TransactionLayer(transport, timers, t, new NoRequests());
        }

        RegistrationClient client(SipRegistration line, SipSettings s, Clock clock, RetryPolicy retry) {
            RegistrationClient c = new RegistrationClient(line, s, layer, transport::localAddress, scheduler, clock, retry);
            made.add(c);
            return c;
        }

        RegistrationClient client(SipRegistration line, SipSettings s, RetryPolicy retry) {
            return client(line, s, Clock.systemUTC(), retry);
        }

        @Override public void close() {
            for (RegistrationClient c : made) c.stop();
            scheduler.shutdownNow();
            timers.close(); // first, so no retransmission fires into a closed transport
            transport.close();
        }
    }

    /** Our own Registrar on UDP behind a transaction layer, recording every REGISTER it handles. */
    static final class Server implements AutoCloseable, TransactionUser {
        final ScheduledSipTimers timers = new ScheduledSipTimers();
        final Registrar registrar;
        final SipTransport transport;
        final List<SipRequest> requests = new CopyOnWriteArrayList<>();
        final List<Integer> statuses = new CopyOnWriteArrayList<>();

        Server(SipSettings s, List<String> algorithms) throws InterruptedException { this(s, algorithms, Protocol.UDP); }

        Server(SipSettings s, List<String> algorithms, Protocol protocol) throws InterruptedException {
            Clock clock = Clock.systemUTC();
            DigestAuthenticator auth = new DigestAuthenticator(s.realm(), clock, Duration.ofSeconds(30), new SecureRandom(),
                algorithms);
            registrar = new Registrar(s, auth, new AuthFailureTracker(1000, Duration.ofMinutes(1), Duration.ofMinutes(5), clock),
                clock, 1);
            TransactionLayer[] l = new TransactionLayer[1];
            transport = bind(protocol, (m, src) -> l[0].onMessage(m, src));
            l[0] = new TransactionLayer(transport, timers, TimerSettings.DEFAULT, this);
        }

        int port() { return transport.localAddress().getPort(); }

        @Override public void onRequest(ServerTransaction tx, SipRequest request) {
            requests.add(request);
            RegisterOutcome o = registrar.register(request, tx.responseDestination().address(),
                transport.protocol().name());
            if (o.isDropped()) return;
            statuses.add(o.response().status());
            tx.respond(o.response());
        }

        @Override public void onCancel(ServerTransaction c, ServerInviteTransaction i, SipRequest r) { c.respond(200, null); }

        /** The REGISTERs it answered 200. */
        List<SipRequest> accepted() {
            List<SipRequest> out = new ArrayList<>();
            for (int i = 0; i < Math.min(requests.size(), statuses.size()); i++) {
                if (statuses.get(i) == 200) out.add(requests.get(i));
            }
            return out;
        }

        @Override public void close() {
            timers.close();
            transport.close();
        }
    }

    /**
     * A plain DatagramSocket that parses what arrives and answers with whatever {@code script}
     * returns for a request (null: stay silent). Retransmissions are recorded once, by branch.
     */
    static final class Fake implements AutoCloseable {
        final DatagramSocket socket;
        final List<SipRequest> requests = new CopyOnWriteArrayList<>();
        private final Set<String> branches = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        private final Thread reader;
        volatile Function<SipRequest, byte[]> script;

        Fake(Function<SipRequest, byte[]> script) throws SocketException {
            this.script = script;
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            reader = Thread.ofPlatform().daemon().name("fake-registrar").start(this::run);
        }

        int port() { return socket.getLocalPort(); }

        private void run() {
            SipParser parser = new SipParser();
            byte[] buf = new byte[65536];
            while (!socket.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (IOException e) {
                    return;
                }
                byte[] bytes = java.util.Arrays.copyOfRange(buf, 0, p.getLength());
                if (!(parser.parse(bytes) instanceof ParseResult.Ok ok) || !(ok.message() instanceof SipRequest r)) continue;
                boolean fresh = branches.add(r.topVia().branch());
                if (fresh) requests.add(r);
                byte[] reply = script.apply(r);
                if (reply == null) continue;
                try {
                    socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        }

        /** Distinct CSeq numbers seen, in order. */
        List<Long> cseqs() {
            return requests.stream().map(r -> r.cseq().seq()).distinct().toList();
        }

        @Override public void close() {
            socket.close();
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static byte[] bytes(org.switchboard.channels.sip.message.SipMessage m) { return SipWriter.write(m); }

    static byte[] text(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    /** Records every state a client passes through. */
    static final class States implements java.util.function.Consumer<RegistrationState> {
        final List<RegistrationState> seen = new CopyOnWriteArrayList<>();

        @Override public void accept(RegistrationState s) { seen.add(s); }
    }
}
