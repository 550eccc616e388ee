package org.switchboard.bench.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.PbxLog;
import org.switchboard.res.manager.ManagerModule;
import org.switchboard.testing.TestPbx;

/**
 * One run of {@link AmiFuzz}: the PBX, the clients, the checks. The fuzzer's own threads are
 * platform threads, so that on a small machine they take turns with the PBX's virtual threads
 * (sessions, channels) instead of holding the carriers those need.
 */
final class AmiFuzzRun implements Callable<AmiFuzz.Result> {
    private static final int WORKERS = 8;
    private static final int SILENT = 4;
    private static final int CHECK_EVERY = 250;
    private static final long QUEUE_LIMIT = 256 * 1024;
    private static final long STUCK_WRITE_MS = 20_000;
    private static final String CONF = """
            [general]
            enabled = yes
            port = 0
            bindaddr = 127.0.0.1
            authlimit = 200
            authtimeout = 10
            displayconnects = no
            sendqueuelimit = 256K

            [admin]
            secret = admin-pw
            deny = 0.0.0.0/0.0.0.0
            permit = 127.0.0.0/255.0.0.0
            read = all
            write = all

            ; what the fuzzing clients log in as: no system, command or config class, so nothing they
            ; send can stop, reload or unload anything
            [fuzz]
            secret = fuzz
            read = all
            write = call,user,reporting,originate,dialplan,agent,log,verbose,dtmf

            ; a silent client that is never too slow for writetimeout: dropped at the byte limit
            [hoarder]
            secret = hoard
            read = all
            write = user
            writetimeout = 3600000
            """;
    private static final String DIALPLAN = """
            [fuzz]
            exten => s,1,Answer()
             same => n,Wait(0.05)
             same => n,Hangup()
            """;

    private final long inputs;
    private final long seed;
    private final AtomicLong sent = new AtomicLong();
    private final List<String> crashes = new CopyOnWriteArrayList<>();
    private final List<String> framing = new CopyOnWriteArrayList<>();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final AtomicInteger addresses = new AtomicInteger();
    private final List<AmiFuzzConnection> open = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private int livenessChecks;
    private int livenessFailures;
    private int stuckWrites;
    private final AtomicInteger dropped = new AtomicInteger();
    private long maxQueued;
    private int port;

    AmiFuzzRun(long inputs, long seed) {
        this.inputs = inputs;
        this.seed = seed;
    }

    @Override
    public AmiFuzz.Result call() throws Exception {
        long started = System.currentTimeMillis();
        long rssBefore = AmiFuzz.rssKb();
        int verbose = PbxLog.verbose();
        PbxLog.setVerbose(0);
        Thread.UncaughtExceptionHandler oldHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> crashes.add("uncaught in " + t.getName() + ": " + e));
        Consumer<PbxLog.Line> sink = this::onLog;
        Path dir = Files.createTempDirectory("ami-fuzz");
        Files.writeString(dir.resolve("manager.conf"), CONF);
        Files.writeString(dir.resolve("extensions.conf"), DIALPLAN);
        int sessionsLeft = 0;
        long rssAfter;
        long heapAfter;
        try (TestPbx test = new TestPbx(dir)) {
            PbxLog.addSink(sink);
            ManagerModule manager = ManagerModule.of(test.pbx);
            if (manager == null) throw new IllegalStateException("the Manager interface did not load");
            port = manager.port();
            try {
                sessionsLeft = fuzz(test, manager);
            } finally {
                running = false;
                open.forEach(AmiFuzzConnection::close);
                PbxLog.removeSink(sink);
            }
            rssAfter = AmiFuzz.rssKb();
            heapAfter = AmiFuzz.heapAfterGcKb();
        } finally {
            PbxLog.setVerbose(verbose);
            Thread.setDefaultUncaughtExceptionHandler(oldHandler);
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return new AmiFuzz.Result(seed, sent.get(), List.copyOf(crashes), livenessChecks, livenessFailures, List.copyOf(framing),
                stuckWrites, maxQueued, QUEUE_LIMIT, sessionsLeft, dropped.get(), reconnects.get(), rssBefore, rssAfter,
                heapAfter, System.currentTimeMillis() - started);
    }

    /** Runs the clients until every input is sent; returns how many sessions outlived their clients. */
    private int fuzz(TestPbx test, ManagerModule manager) throws Exception {
        AmiFuzzConnection watcher = connect(true, "admin", "admin-pw", "127.0.0.1");
        List<AmiFuzzConnection> silent = new ArrayList<>();
        for (int i = 0; i < SILENT; i++) silent.add(silentClient(i));
        Thread pump = Thread.ofPlatform().daemon().name("ami-fuzz-pump").start(() -> pump(test, watcher));
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            long workerSeed = seed * 31 + i;
            workers.add(Thread.ofPlatform().daemon().name("ami-fuzz-" + i).start(() -> work(new AmiFuzzInputs(workerSeed))));
        }
        long nextCheck = CHECK_EVERY;
        while (workers.stream().anyMatch(Thread::isAlive)) {
            for (Thread w : workers) w.join(5);
            maxQueued = Math.max(maxQueued, manager.maxQueuedBytes());
            for (AmiFuzzConnection c : open) {
                if (c.writeBlockedMillis() > STUCK_WRITE_MS) {
                    stuckWrites++;
                    c.close();
                }
            }
            if (sent.get() >= nextCheck) {
                nextCheck = sent.get() + CHECK_EVERY;
                if (Boolean.getBoolean("amifuzz.debug")) {
                    System.err.println("check at " + sent.get() + ", pumped " + watcher.pumpedEventsSeen() + ": sessions " + manager.sessions().stream()
                            .map(x -> x.address() + "/" + x.userName() + "/" + x.state() + "/" + manager.queuedBytes(x)).toList());
                }
                checkLiveness();
                for (int i = 0; i < silent.size(); i++) {
                    if (!stillConnected(silent.get(i))) {
                        silent.get(i).close();
                        silent.set(i, silentClient(i));
                    }
                }
            }
        }
        running = false;
        pump.join();
        checkLiveness();
        if (watcher.gone()) crashes.add("the watching client was disconnected");
        open.forEach(AmiFuzzConnection::close);
        // every session ends with its connection
        long deadline = System.currentTimeMillis() + 10_000;
        while (!manager.sessions().isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(10);
        return manager.sessions().size();
    }

    private void work(AmiFuzzInputs gen) {
        AmiFuzzConnection c = null;
        while (sent.getAndIncrement() < inputs) {
            byte[] input = gen.next();
            try {
                if (c == null || c.gone()) {
                    if (c != null) {
                        c.close();
                        reconnects.incrementAndGet();
                        c = null;
                    }
                    c = gen.random().nextBoolean() ? connect(true, "fuzz", "fuzz", freshAddress()) : connect(true, null, null, freshAddress());
                }
                for (byte[] piece : gen.pieces(input)) c.send(piece);
            } catch (IOException e) {
                if (c != null) c.close();
                c = null;
                reconnects.incrementAndGet();
            }
        }
        sent.decrementAndGet();
        if (c != null) c.close();
    }

    /**
     * 4 KB events as fast as the watcher takes them (at most 16, a quarter of the limit, ahead of it once it has logged
     * in), so that silent clients fill up while clients that read keep up, however loaded the
     * machine is.
     */
    private void pump(TestPbx test, AmiFuzzConnection watcher) {
        String body = "p".repeat(4000);
        long n = 0;
        while (running && !watcher.gone()) {
            if (!watcher.loggedIn() || n - watcher.pumpedEventsSeen() >= 16) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            test.pbx.events().publish(ManagerEvent.of("UserEvent", "user").put("UserEvent", "pump").put("Seq", n++).put("Body", body).build());
        }
    }

    private AmiFuzzConnection silentClient(int i) throws IOException {
        return i % 2 == 0 ? connect(false, "fuzz", "fuzz", freshAddress()) : connect(false, "hoarder", "hoard", freshAddress());
    }

    /** A connection from {@code from}, logged in when a user is given (the answer is not waited for). */
    private AmiFuzzConnection connect(boolean reading, String user, String secret, String from) throws IOException {
        AmiFuzzConnection c = new AmiFuzzConnection(port, from, reading, framing::add);
        open.removeIf(AmiFuzzConnection::gone);
        open.add(c);
        if (user != null) c.send(("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        return c;
    }

    /** A silent client is still connected while writing to it works (a write after the PBX closed it is reset). */
    private static boolean stillConnected(AmiFuzzConnection c) {
        try {
            c.send("Action: Ping\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            c.send("\r\n".getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Each fuzzing connection has its own loopback address: failed logins slow down per address. */
    private String freshAddress() {
        int n = addresses.incrementAndGet();
        return "127.78." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    /** A fresh client logs in and its Ping is answered within 10 s. */
    private void checkLiveness() {
        livenessChecks++;
        String id = "live-" + livenessChecks;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            s.getOutputStream().write(("Action: Login\r\nUsername: admin\r\nSecret: admin-pw\r\nEvents: off\r\n\r\n"
                    + "Action: Ping\r\nActionID: " + id + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            boolean mine = false;
            String line;
            List<String> got = new ArrayList<>();
            while ((line = in.readLine()) != null) {
                got.add(line);
                if (line.equals("ActionID: " + id)) mine = true;
                if (mine && line.equals("Ping: Pong")) return;
                if (line.isEmpty()) mine = false;
            }
            livenessFailures++;
            if (Boolean.getBoolean("amifuzz.debug")) System.err.println("liveness: closed after " + got);
        } catch (IOException e) {
            livenessFailures++;
            if (Boolean.getBoolean("amifuzz.debug")) System.err.println("liveness: " + e);
        }
    }

    /**
     * An exception in a WARNING or ERROR line, or any ERROR, is a crash (a limited line about a bad
     * client is not); the lines that say a client was dropped for not reading are counted.
     */
    private void onLog(PbxLog.Line line) {
        PbxLog.Level level = line.level();
        if (Boolean.getBoolean("amifuzz.debug")) System.err.println(line.text());
        if (line.text().contains(": disconnecting it with")) dropped.incrementAndGet();
        if (level == PbxLog.Level.ERROR
                || (level == PbxLog.Level.WARNING && (line.text().contains("Exception") || line.text().contains("java.")))) {
            crashes.add(line.text());
        }
    }
}
