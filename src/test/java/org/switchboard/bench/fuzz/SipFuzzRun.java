package org.switchboard.bench.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.switchboard.channels.sip.SipPbxFixture;
import org.switchboard.core.PbxLog;

/**
 * One run of {@link SipFuzz}: a PBX with chan_sip on UDP and TCP, fuzzing peers on a few loopback
 * addresses of their own (so the auth-failure block and the per-address TCP cap bite the fuzzer,
 * not the liveness checks), a reader per socket that checks every reply, and the checks.
 */
final class SipFuzzRun implements Callable<SipFuzz.Result> {
    private static final int CHECK_EVERY = 100;
    private static final int POOL = 4;
    private static final int HEAD_LIMIT = 8192;
    private static final String GENERAL = "allowguest=yes\ncontext=fuzz\ntcpenable=yes\ntcpbindaddr=127.0.0.1:0\n"
        + "tcpauthtimeout=5\nmaxheadersize=" + HEAD_LIMIT + "\nrtptimeout=2\n";
    private static final String PEERS = "[fuzz]\ntype=friend\nhost=dynamic\nsecret=fuzz-pw\ncontext=fuzz\n";
    private static final String DIALPLAN = "[fuzz]\nexten => _X.,1,Hangup()\nexten => fuzz,1,Answer()\n same => n,Hangup()\n";
    /** An exception class in a log line; network ones (a reset, a refused connect) are how peers behave, not bugs. */
    private static final Pattern EXCEPTION = Pattern.compile("\\b((?:[a-z]\\w*\\.)+)([A-Z]\\w*(?:Exception|Error))\\b");
    private static final Pattern NETWORK = Pattern.compile("java\\.io\\.|java\\.net\\.|java\\.nio\\.channels\\.|io\\.netty\\.channel\\.");

    private final long inputs;
    private final long seed;
    private final boolean udp;
    private final boolean tcp;
    private final List<String> crashes = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicLong logLines = new AtomicLong();
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final List<SipFuzzReplies> checkers = new CopyOnWriteArrayList<>();
    private int livenessChecks;
    private int livenessFailures;
    private int reconnects;
    private SipPbxFixture pbx;

    SipFuzzRun(long inputs, long seed, boolean udp, boolean tcp) {
        this.inputs = inputs;
        this.seed = seed;
        this.udp = udp;
        this.tcp = tcp;
    }

    @Override
    public SipFuzz.Result call() throws Exception {
        long started = System.currentTimeMillis();
        long rssBefore = SipFuzz.rssKb();
        int verbose = PbxLog.verbose();
        PbxLog.setVerbose(0);
        Thread.UncaughtExceptionHandler oldHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> crashes.add("uncaught in " + t.getName() + ": " + e));
        Consumer<PbxLog.Line> sink = this::onLog;
        Path dir = Files.createTempDirectory("sip-fuzz");
        long sent = 0;
        try {
            PbxLog.addSink(sink);
            pbx = SipPbxFixture.start(dir, GENERAL, PEERS, DIALPLAN);
            try {
                sent = fuzz();
            } finally {
                for (AutoCloseable c : open) close(c);
                pbx.close();
            }
        } finally {
            PbxLog.removeSink(sink);
            PbxLog.setVerbose(verbose);
            Thread.setDefaultUncaughtExceptionHandler(oldHandler);
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        int replies = checkers.stream().mapToInt(SipFuzzReplies::replies).sum();
        return new SipFuzz.Result(seed, sent, List.copyOf(crashes), livenessChecks, livenessFailures, List.copyOf(violations),
            replies, reconnects, logLines.get(), rssBefore, SipFuzz.rssKb(), SipFuzz.heapAfterGcKb(),
            System.currentTimeMillis() - started);
    }

    private void onLog(PbxLog.Line line) {
        logLines.incrementAndGet();
        if (line.level() == PbxLog.Level.DEBUG || line.level() == PbxLog.Level.VERBOSE) return;
        if (line.level() == PbxLog.Level.ERROR) {
            crashes.add(line.text());
            return;
        }
        Matcher m = EXCEPTION.matcher(line.text());
        while (m.find()) {
            if (!NETWORK.matcher(m.group(1)).lookingAt()) {
                crashes.add(line.text());
                return;
            }
        }
    }

    private long fuzz() throws IOException {
        int udpPort = pbx.port();
        InetSocketAddress tcpAddress = pbx.stack().tcpAddress();
        SipFuzzInputs gen = new SipFuzzInputs(seed, udpPort);
        List<InetAddress> sources = new ArrayList<>();
        for (int i = 0; i < 4; i++) sources.add(SipPbxFixture.nextLoopback());
        List<DatagramSocket> udpPeers = new ArrayList<>();
        for (InetAddress a : sources) udpPeers.add(udpPeer(a));
        List<FuzzConnection> pool = new ArrayList<>();
        if (tcp) for (int i = 0; i < POOL; i++) pool.add(connect(sources.get(i % sources.size()), tcpAddress));
        long sent = 0;
        for (long i = 1; i <= inputs; i++) {
            boolean overTcp = tcp && (!udp || gen.random().nextBoolean());
            if (overTcp) {
                int k = gen.random().nextInt(pool.size());
                FuzzConnection c = pool.get(k);
                byte[] input = gen.random().nextInt(60) == 0 ? gen.endlessHead("TCP", c.port(), HEAD_LIMIT)
                    : gen.next("TCP", c.port());
                boolean ok = c.write(input, gen.random().nextInt(8) == 0 ? 1 + gen.random().nextInt(64) : input.length);
                if (!ok || gen.random().nextInt(10) == 0) { // gone, or we hang up on it ourselves now and then
                    close(c);
                    open.remove(c);
                    pool.set(k, connect(sources.get(gen.random().nextInt(sources.size())), tcpAddress));
                    reconnects++;
                }
            } else {
                DatagramSocket s = udpPeers.get(gen.random().nextInt(udpPeers.size()));
                byte[] input = gen.next("UDP", s.getLocalPort());
                int len = Math.min(input.length, 65_000);
                s.send(new DatagramPacket(input, len, InetAddress.getLoopbackAddress(), udpPort));
            }
            sent++;
            if (i % CHECK_EVERY == 0 || i == inputs) liveness(udpPort, tcpAddress, i);
        }
        return sent;
    }

    /** A fresh OPTIONS over each transport, from an address the fuzzer never used, must get its 200. */
    private void liveness(int udpPort, InetSocketAddress tcpAddress, long at) {
        InetAddress from = SipPbxFixture.nextLoopback();
        if (udp) check("UDP", at, udpAlive(from, udpPort, "live-udp-" + at));
        if (tcp) check("TCP", at, tcpAlive(from, tcpAddress, "live-tcp-" + at));
    }

    private void check(String transport, long at, boolean alive) {
        livenessChecks++;
        if (!alive) {
            livenessFailures++;
            crashes.add("liveness: no 200 to an OPTIONS over " + transport + " after input " + at);
        }
    }

    private static boolean udpAlive(InetAddress from, int port, String callId) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(from, 0))) {
            byte[] options = options("UDP", s.getLocalPort(), callId);
            byte[] buf = new byte[65_536];
            for (int attempt = 0; attempt < 20; attempt++) { // retransmitted as §17.1.2.2 does: UDP may drop it in a flood
                s.send(new DatagramPacket(options, options.length, InetAddress.getLoopbackAddress(), port));
                s.setSoTimeout(250);
                try {
                    for (;;) {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        s.receive(p);
                        String r = new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
                        if (r.startsWith("SIP/2.0 200 ") && r.contains("Call-ID: " + callId + "\r\n")) return true;
                    }
                } catch (SocketTimeoutException again) {
                    // retransmit
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean tcpAlive(InetAddress from, InetSocketAddress to, String callId) {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(to, 5000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(options("TCP", s.getLocalPort(), callId));
            InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            for (int c; head.indexOf("\r\n\r\n") < 0 && (c = in.read()) >= 0; ) head.append((char) c);
            return head.toString().startsWith("SIP/2.0 200 ") && head.indexOf("Call-ID: " + callId + "\r\n") > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] options(String transport, int port, String callId) {
        return ("OPTIONS sip:fuzz@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/" + transport + " 127.0.0.1:" + port + ";branch=z9hG4bK"
            + callId + ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:live@127.0.0.1>;tag=l\r\nTo: <sip:fuzz@127.0.0.1>\r\n"
            + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A UDP fuzzing peer whose replies a platform thread reads and checks. */
    private DatagramSocket udpPeer(InetAddress a) throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(a, 0));
        SipFuzzReplies replies = new SipFuzzReplies(violations, "UDP reply to " + a.getHostAddress() + ":" + s.getLocalPort());
        checkers.add(replies);
        open.add(s);
        Thread.ofPlatform().daemon().name("sip-fuzz-udp").start(() -> {
            byte[] buf = new byte[65_536];
            while (!s.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    s.receive(p);
                    replies.datagram(p.getData(), p.getLength());
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return s;
    }

    private FuzzConnection connect(InetAddress from, InetSocketAddress to) {
        FuzzConnection c = new FuzzConnection(from, to);
        open.add(c);
        return c;
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }

    /** A TCP fuzzing peer; when the PBX refuses or closes it, writes fail and the run replaces it. */
    private final class FuzzConnection implements AutoCloseable {
        private final Socket socket = new Socket();

        FuzzConnection(InetAddress from, InetSocketAddress to) {
            try {
                socket.bind(new InetSocketAddress(from, 0));
                socket.connect(to, 5000);
                SipFuzzReplies replies = new SipFuzzReplies(violations, "TCP reply to " + from.getHostAddress() + ":" + socket.getLocalPort());
                checkers.add(replies);
                Thread.ofPlatform().daemon().name("sip-fuzz-tcp").start(() -> {
                    byte[] buf = new byte[16_384];
                    try (InputStream in = socket.getInputStream()) {
                        for (int n; (n = in.read(buf)) >= 0; ) replies.stream(buf, n);
                    } catch (IOException closed) {
                        // the PBX or we closed it
                    }
                });
            } catch (IOException refused) {
                SipFuzzRun.close(socket); // the cap refused it: writes fail and it is replaced
            }
        }

        int port() { return socket.getLocalPort(); }

        /** Writes {@code input} in pieces of {@code chunk}; false when the connection is gone. */
        boolean write(byte[] input, int chunk) {
            try {
                for (int at = 0; at < input.length; at += chunk) {
                    socket.getOutputStream().write(input, at, Math.min(chunk, input.length - at));
                    socket.getOutputStream().flush();
                }
                return true;
            } catch (IOException gone) {
                return false;
            }
        }

        @Override public void close() throws IOException { socket.close(); }
    }
}
