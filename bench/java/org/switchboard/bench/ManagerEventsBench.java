package org.switchboard.bench;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.switchboard.core.Originate;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.res.manager.ManagerModule;

/**
 * Manager events under load: N raw AMI clients (default 10) log in with read=all and count the
 * events they receive while Local calls are originated as fast as the PBX takes them (at most
 * {@code inflight} at once) for D seconds. Prints events published and delivered per second, the
 * call rate, the largest lag any client had, and whether any client fell behind (was disconnected
 * or still missed events after the run).
 * Run: java -cp ... org.switchboard.bench.ManagerEventsBench [seconds=10] [clients=10] [inflight=200] [calls/s=0: unpaced]
 */
public final class ManagerEventsBench {
    private static final class Client implements Runnable {
        final Socket socket;
        final LongAdder events = new LongAdder();
        final AtomicLong bytes = new AtomicLong();
        volatile boolean closed;

        Client(int port, int n) throws Exception {
            socket = new Socket("127.0.0.1", port);
            OutputStream out = socket.getOutputStream();
            out.write(("Action: Login\r\nUsername: bench\r\nSecret: bench\r\nActionID: " + n + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void run() {
            // counts message ends (a blank line) without decoding text: the client costs little CPU
            byte[] buf = new byte[1 << 16];
            int state = 0;   // how much of "\r\n\r\n" was seen last
            try (var in = socket.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    bytes.addAndGet(n);
                    long ends = 0;
                    for (int i = 0; i < n; i++) {
                        byte b = buf[i];
                        state = switch (state) {
                            case 0, 2 -> b == '\r' ? state + 1 : 0;
                            case 1 -> b == '\n' ? 2 : (b == '\r' ? 1 : 0);
                            case 3 -> {
                                if (b == '\n') { ends++; yield 0; }
                                yield b == '\r' ? 1 : 0;
                            }
                            default -> 0;
                        };
                    }
                    events.add(ends);
                }
            } catch (Exception e) {
                // socket closed
            }
            closed = true;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int nClients = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int inflight = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        double rate = args.length > 3 ? Double.parseDouble(args[3]) : 0;   // calls per second; 0: as fast as the PBX takes them
        PbxLog.setVerbose(0);
        Path dir = Files.createTempDirectory("ami-bench");
        Files.writeString(dir.resolve("manager.conf"), """
                [general]
                enabled = yes
                port = 0
                bindaddr = 127.0.0.1
                displayconnects = no
                [bench]
                secret = bench
                read = all
                write = all
                """);
        Files.writeString(dir.resolve("extensions.conf"), """
                [bench]
                exten => call,1,Answer()
                 same => n,Set(STEP=1)
                 same => n,Hangup()
                """);
        Pbx pbx = new Pbx(dir);
        pbx.start();
        ManagerModule ami = ManagerModule.of(pbx);
        if (ami == null) throw new IllegalStateException("res_manager did not load");

        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < nClients; i++) {
            Client c = new Client(ami.port(), i);
            clients.add(c);
            Thread.ofPlatform().daemon().name("bench-client-" + i).start(c);
        }
        while (ami.sessions().stream().filter(s -> s.userName().equals("bench")).count() < nClients) Thread.sleep(1);
        // events counted from here on are the ones every client is owed
        LongAdder published = new LongAdder();
        pbx.events().subscribe(e -> published.increment());
        long[] base = new long[nClients];
        for (int i = 0; i < nClients; i++) base[i] = clients.get(i).events.sum();

        long calls = 0;
        long maxLag = 0;
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        long nextSample = t0;
        while (System.nanoTime() < end) {
            boolean due = rate <= 0 || calls < rate * ((System.nanoTime() - t0) / 1e9);
            if (due && pbx.channels().count() < 2L * inflight) {
                Originate.toExtension(pbx, "Local/call@bench", "bench", "call", 1, 5_000, Map.of(), null);
                calls++;
            } else {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000);   // not busy-waiting: two cores are shared with the PBX and the clients
            }
            if (System.nanoTime() >= nextSample) {
                nextSample += 100_000_000L;
                long pub = published.sum();
                for (int i = 0; i < nClients; i++) maxLag = Math.max(maxLag, pub - (clients.get(i).events.sum() - base[i]));
            }
        }
        long callTime = System.nanoTime() - t0;
        while (pbx.channels().count() > 0 && System.nanoTime() - t0 < callTime + 10_000_000_000L) Thread.sleep(1);
        long pub = published.sum();
        long drainDeadline = System.nanoTime() + 10_000_000_000L;
        boolean allCaughtUp = false;
        while (System.nanoTime() < drainDeadline && !allCaughtUp) {
            allCaughtUp = true;
            for (int i = 0; i < nClients; i++) {
                Client c = clients.get(i);
                if (!c.closed && c.events.sum() - base[i] < pub) allCaughtUp = false;
            }
            if (!allCaughtUp) Thread.sleep(10);
        }
        long totalTime = System.nanoTime() - t0;
        long delivered = 0;
        int behind = 0;
        int disconnected = 0;
        long bytes = 0;
        for (int i = 0; i < nClients; i++) {
            Client c = clients.get(i);
            long got = c.events.sum() - base[i];
            delivered += got;
            bytes += c.bytes.get();
            if (c.closed) disconnected++;
            else if (got < pub) behind++;
        }
        System.out.printf("manager.clients=%d%n", nClients);
        System.out.printf("manager.calls=%d in %.1f s: %.0f calls per second (Local pairs, at most %d in flight, %s)%n",
                calls, callTime / 1e9, calls / (callTime / 1e9), inflight, rate > 0 ? "paced at " + rate + "/s" : "unpaced");
        System.out.printf("manager.events_published=%d: %.0f per second%n", pub, pub / (callTime / 1e9));
        System.out.printf("manager.events_delivered=%d to %d clients: %.0f per second (%.1f MB/s)%n", delivered, nClients,
                delivered / (totalTime / 1e9), bytes / (totalTime / 1e9) / 1048576);
        System.out.printf("manager.max_lag_events=%d (largest published-minus-received of any client, sampled every 100 ms)%n", maxLag);
        System.out.printf("manager.fell_behind=%s (disconnected: %d, still missing events 10 s after the run: %d)%n",
                disconnected + behind > 0 ? "yes" : "no", disconnected, behind);
        for (Client c : clients) c.socket.close();
        pbx.shutdown();
        System.exit(0);
    }
}
