package org.switchboard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.AgiServerThread;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.testing.TestPbx;

/**
 * FastAGI from the PBX's side, against asterisk-java's DefaultAgiServer on loopback:
 * <ul>
 *   <li>round trips: one call whose AgiScript loops {@code GET VARIABLE} (asterisk-java sends,
 *       the PBX parses, looks the variable up, answers, asterisk-java parses); also N calls doing
 *       the same at once, and a hand-written server with no library in the way;</li>
 *   <li>calls: AGI(agi://...) started per second, each connecting, sending the agi_* block,
 *       answering one GET VARIABLE and ending, with N calls in flight.</li>
 * </ul>
 * Run: {@code java -cp target/test-classes:target/classes:<test classpath> org.switchboard.bench.FastAgiBench [seconds] [parallel]}
 * (the classpath as bench/run builds it). Defaults: 5 s per figure, 16 in parallel.
 */
public final class FastAgiBench {
    private static final AtomicLong ROUND_TRIPS = new AtomicLong();
    private static volatile long stopAt;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        PbxLog.setVerbose(0);
        int port = freePort();
        CountDownLatch listening = new CountDownLatch(1);
        DefaultAgiServer server = new DefaultAgiServer((MappingStrategy) FastAgiBench::script) {
            @Override
            protected ServerSocketFacade createServerSocket() throws IOException {
                ServerSocketFacade s = super.createServerSocket();
                listening.countDown();
                return s;
            }
        };
        server.setAddress(InetAddress.getByName("127.0.0.1"));
        server.setPort(port);
        server.setPoolSize(parallel + 4);
        server.setMaximumPoolSize(parallel * 4 + 16);
        AgiServerThread thread = new AgiServerThread(server);
        thread.setDaemon(true);
        thread.startup();
        listening.await();
        try (TestPbx t = new TestPbx()) {
            t.dialplan("""
                    [bench]
                    exten => loop,1,Set(X=value)
                     same => n,AGI(agi://127.0.0.1:%1$d/loop)
                    exten => quick,1,Set(X=value)
                     same => n,AGI(agi://127.0.0.1:%1$d/quick)
                    exten => raw,1,Set(X=value)
                     same => n,AGI(${RAW})
                    """.formatted(port));
            roundTrips(t, 1, 1);   // warm-up
            roundTrips(t, 1, Math.max(1, seconds / 2));
            double one = roundTrips(t, 1, seconds);
            System.out.printf("fastagi.roundtrips.1call=%.0f GET VARIABLE round trips per second (asterisk-java server)%n", one);
            double many = roundTrips(t, parallel, seconds);
            System.out.printf("fastagi.roundtrips.%dcalls=%.0f round trips per second in total%n", parallel, many);
            double raw = rawRoundTrips(t, seconds);
            System.out.printf("fastagi.roundtrips.raw=%.0f round trips per second (hand-written server, 1 call)%n", raw);
            calls(t, parallel, 1);   // warm-up
            double rate = calls(t, parallel, seconds);
            System.out.printf("fastagi.calls=%.0f AGI calls started and finished per second (%d in flight)%n", rate, parallel);
        } finally {
            thread.shutdown();
        }
    }

    private static AgiScript script(AgiRequest request, AgiChannel channel) {
        if ("loop".equals(request.getScript())) {
            return (r, c) -> {
                while (System.nanoTime() < stopAt) {
                    c.getVariable("X");
                    ROUND_TRIPS.incrementAndGet();
                }
            };
        }
        return (r, c) -> c.getVariable("X");
    }

    /** {@code calls} channels in AGI at once, each looping GET VARIABLE for {@code seconds}; round trips per second. */
    private static double roundTrips(TestPbx t, int calls, int seconds) throws InterruptedException {
        ROUND_TRIPS.set(0);
        long start = System.nanoTime();
        stopAt = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < calls; i++) threads.add(t.pbx.startPbx(channel(t, "loop")));
        for (Thread th : threads) th.join();
        return ROUND_TRIPS.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** AGI calls per second with {@code parallel} in flight, for {@code seconds}. */
    private static double calls(TestPbx t, int parallel, int seconds) throws InterruptedException {
        Semaphore slots = new Semaphore(parallel);
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            slots.acquire();
            Channel c = channel(t, "quick");
            Thread.ofVirtual().start(() -> {
                try {
                    t.pbx.runPbx(c);
                    if ("SUCCESS".equals(c.getVar("AGISTATUS"))) done.incrementAndGet();
                } finally {
                    slots.release();
                }
            });
        }
        slots.acquire(parallel);
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** One call against a server with no library: write the command, read the answer, again. */
    private static double rawRoundTrips(TestPbx t, int seconds) throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            Channel c = channel(t, "raw");
            c.setVar("RAW", "agi://127.0.0.1:" + ss.getLocalPort() + "/raw");
            Thread pbx = t.pbx.startPbx(c);
            long n = 0;
            double rate;
            try (Socket s = ss.accept()) {
                s.setTcpNoDelay(true);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = s.getOutputStream();
                while (!in.readLine().isEmpty()) { }
                byte[] cmd = "GET VARIABLE X\n".getBytes(StandardCharsets.UTF_8);
                long start = System.nanoTime();
                long end = start + seconds * 1_000_000_000L;
                while (System.nanoTime() < end) {
                    out.write(cmd);
                    out.flush();
                    in.readLine();
                    n++;
                }
                rate = n / ((System.nanoTime() - start) / 1e9);
            }
            pbx.join();
            return rate;
        }
    }

    private static Channel channel(TestPbx t, String exten) {
        Channel c = t.channel("Bench/agi");
        c.setLocation("bench", exten, 1);
        return c;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
