package org.switchboard.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.channels.sip.sdp.CryptoAttribute;
import org.switchboard.net.dtls.Srtp;

/**
 * The load side of {@code bench/run sip-srtp-media}: N concurrent SDES-SRTP calls (RFC 4568,
 * AES_CM_128_HMAC_SHA1_80) into Echo() on a pjsip.conf endpoint of a PBX in another process. Each
 * call sends 20 ms G.711 packets protected with its own key and checks that what comes back
 * decrypts under the PBX's key to what was sent. Prints calls up, packets sent/echoed/lost and
 * refused, and the PBX process's CPU and RSS while every call is up (read from /proc).
 * Usage: SrtpEchoLoad pbx-port pbx-pid calls hold-seconds
 */
public final class SrtpEchoLoad {
    private static final int PAYLOAD = 160;

    private record Call(int index, String callId, DatagramChannel rtp, Srtp srtp, InetSocketAddress pbxRtp, String toTag) {}

    private final InetSocketAddress pbx;
    private final DatagramChannel sip;
    private final Map<String, LinkedBlockingQueue<String>> responses = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong(), echoed = new AtomicLong(), badEcho = new AtomicLong(), rtcp = new AtomicLong();
    private volatile boolean running = true;

    private SrtpEchoLoad(int pbxPort) throws IOException {
        pbx = new InetSocketAddress("127.0.0.1", pbxPort);
        sip = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        sip.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        Thread.ofPlatform().daemon().name("sip-reader").start(this::readSip);
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int hold = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Srtp.prepareCiphers();
        new SrtpEchoLoad(port).run(pid, calls, hold);
        System.exit(0);
    }

    private void run(long pid, int calls, int hold) throws Exception {
        long rssIdle = rssKb(pid);
        List<Call> up = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong refusedCount = new AtomicLong();
        long setup0 = System.nanoTime();
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(10); // 10 INVITEs at a time
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                int n = i;
                inFlight.acquire();
                pool.submit(() -> {
                    try {
                        Call c = invite(n);
                        if (c == null) refusedCount.incrementAndGet();
                        else up.add(c);
                    } catch (Exception e) {
                        refusedCount.incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }
        }
        long refused = refusedCount.get();
        long setupMs = (System.nanoTime() - setup0) / 1_000_000;
        Selector selector = Selector.open();
        for (Call c : up) c.rtp().register(selector, SelectionKey.OP_READ, c);
        Thread reader = Thread.ofPlatform().name("rtp-reader").start(() -> readRtp(selector));
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        int[] seq = {0};
        sender.scheduleAtFixedRate(() -> sendAll(up, seq[0]++), 0, 20, TimeUnit.MILLISECONDS);
        Thread.sleep(2000); // every call's media flowing before measuring
        long sent0 = sent.get(), echoed0 = echoed.get(), cpu0 = cpuTicks(pid), t0 = System.nanoTime();
        Thread.sleep(Math.max(2, hold - 2) * 1000L);
        long sent1 = sent.get(), echoed1 = echoed.get(), cpu1 = cpuTicks(pid), t1 = System.nanoTime();
        long rss = rssKb(pid);
        sender.shutdown();
        sender.awaitTermination(1, TimeUnit.SECONDS);
        Thread.sleep(500); // the last echoes
        running = false;
        selector.wakeup();
        reader.join(2000);
        int byeOk = 0;
        for (Call c : up) if (bye(c)) byeOk++; // one at a time: the PBX is not measured any more
        double secs = (t1 - t0) / 1e9;
        double cpu = (cpu1 - cpu0) * 100.0 / 100 / secs; // USER_HZ is 100 on Linux
        long lost = sent.get() - echoed.get();
        System.out.printf("calls: %d up (set up in %d ms), %d refused, %d hung up with 200 (of %d, SDES-SRTP AES_CM_128_HMAC_SHA1_80 into Echo(), G.711 50 pps each way)%n",
            up.size(), setupMs, refused, byeOk, calls);
        if (!refusals.isEmpty()) System.out.println("refused: " + refusals);
        System.out.printf("packets: %d sent, %d echoed and decrypted, %d echoed but not as sent (%d RTCP apart), %d lost (%.3f%%)%n",
            sent.get(), echoed.get(), badEcho.get(), rtcp.get(), lost, 100.0 * lost / Math.max(1, sent.get()));
        System.out.printf("media while all were up: %.0f packets/s sent (%.0f%% of the %d asked: the load side shares the box), %.0f echoed/s%n",
            (sent1 - sent0) / secs, 100.0 * (sent1 - sent0) / secs / Math.max(1, up.size() * 50), up.size() * 50, (echoed1 - echoed0) / secs);
        System.out.printf("PBX CPU %.0f%% over %.0f s (of %d00%%), %.3f%% per call; RSS %d MB (idle %d MB, %d KB per call above idle)%n",
            cpu, secs, Runtime.getRuntime().availableProcessors(), cpu / Math.max(1, up.size()), rss / 1024, rssIdle / 1024,
            (rss - rssIdle) / Math.max(1, up.size()));
    }

    private Call invite(int i) throws IOException, InterruptedException {
        DatagramChannel rtp = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        rtp.configureBlocking(false);
        int rtpPort = ((InetSocketAddress) rtp.getLocalAddress()).getPort();
        CryptoAttribute ours = CryptoAttribute.fresh(1, CryptoAttribute.Suite.AES_CM_128_HMAC_SHA1_80);
        String callId = "srtp-load-" + i + "-" + System.nanoTime();
        String sdp = "v=0\r\no=- " + i + " 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + rtpPort
            + " RTP/SAVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\na=crypto:" + ours.value() + "\r\n";
        LinkedBlockingQueue<String> q = new LinkedBlockingQueue<>();
        responses.put(callId, q);
        String invite = "INVITE sip:echo@127.0.0.1:" + pbx.getPort() + " SIP/2.0\r\n" + via(callId + "i") + "Max-Forwards: 70\r\n"
            + "From: <sip:load@127.0.0.1>;tag=l" + i + "\r\nTo: <sip:echo@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 INVITE\r\n"
            + "Contact: <sip:load@127.0.0.1:" + sipPort() + ">\r\nContent-Type: application/sdp\r\nContent-Length: " + sdp.length()
            + "\r\n\r\n" + sdp;
        send(invite);
        for (String r; (r = q.poll(10, TimeUnit.SECONDS)) != null; ) {
            int code = Integer.parseInt(r.substring(8, 11));
            if (code < 200) continue;
            if (code >= 300) {
                refusals.computeIfAbsent(r.substring(8, r.indexOf('\r')), k -> new AtomicLong()).incrementAndGet();
                send(ackFor(callId, i, header(r, "To:")));
                rtp.close();
                return null;
            }
            String to = header(r, "To:");
            send(ackFor(callId, i, to));
            String crypto = r.lines().filter(l -> l.startsWith("a=crypto:")).findFirst().orElseThrow().substring(9);
            CryptoAttribute theirs = ((CryptoAttribute.Ok) CryptoAttribute.parse(crypto)).crypto();
            int port = Integer.parseInt(r.lines().filter(l -> l.startsWith("m=audio ")).findFirst().orElseThrow().split(" ")[1]);
            return new Call(i, callId, rtp, Srtp.sdes(ours.key(), ours.salt(), theirs.key(), theirs.salt(), 10),
                new InetSocketAddress("127.0.0.1", port), to);
        }
        refusals.computeIfAbsent("no final answer in 10 s", k -> new AtomicLong()).incrementAndGet();
        rtp.close();
        return null;
    }

    private boolean bye(Call c) throws IOException, InterruptedException {
        LinkedBlockingQueue<String> q = responses.get(c.callId());
        q.clear();
        send("BYE sip:echo@127.0.0.1:" + pbx.getPort() + " SIP/2.0\r\n" + via(c.callId() + "b") + "Max-Forwards: 70\r\n"
            + "From: <sip:load@127.0.0.1>;tag=l" + c.index() + "\r\n" + c.toTag() + "\r\nCall-ID: " + c.callId()
            + "\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n");
        String r = q.poll(5, TimeUnit.SECONDS);
        c.rtp().close();
        c.srtp().close();
        return r != null && r.startsWith("SIP/2.0 200");
    }

    private String ackFor(String callId, int i, String to) throws IOException {
        return "ACK sip:echo@127.0.0.1:" + pbx.getPort() + " SIP/2.0\r\n" + via(callId + "a") + "Max-Forwards: 70\r\n"
            + "From: <sip:load@127.0.0.1>;tag=l" + i + "\r\n" + to + "\r\nCall-ID: " + callId + "\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n";
    }

    private String via(String branch) throws IOException {
        return "Via: SIP/2.0/UDP 127.0.0.1:" + sipPort() + ";branch=z9hG4bK" + branch + ";rport\r\n";
    }

    private int sipPort() throws IOException { return ((InetSocketAddress) sip.getLocalAddress()).getPort(); }

    private void send(String m) throws IOException { sip.send(ByteBuffer.wrap(m.getBytes(StandardCharsets.UTF_8)), pbx); }

    private static String header(String m, String name) {
        return m.lines().filter(l -> l.regionMatches(true, 0, name, 0, name.length())).findFirst().orElse(name);
    }

    private void readSip() {
        ByteBuffer b = ByteBuffer.allocate(65536);
        while (true) {
            try {
                b.clear();
                sip.receive(b);
                b.flip();
                String m = StandardCharsets.UTF_8.decode(b).toString();
                if (!m.startsWith("SIP/2.0 ")) continue; // the PBX sends us no requests in this run
                LinkedBlockingQueue<String> q = responses.get(header(m, "Call-ID:").substring(8).trim());
                if (q != null) q.add(m);
            } catch (IOException | RuntimeException e) {
                return;
            }
        }
    }

    private void sendAll(List<Call> calls, int seq) {
        for (Call c : calls) {
            byte[] p = c.srtp().txReset(12 + PAYLOAD);
            p[0] = (byte) 0x80; p[1] = 0;
            p[2] = (byte) (seq >> 8); p[3] = (byte) seq;
            int ts = seq * PAYLOAD;
            p[4] = (byte) (ts >> 24); p[5] = (byte) (ts >> 16); p[6] = (byte) (ts >> 8); p[7] = (byte) ts;
            p[8] = 0x5b; p[9] = (byte) (c.index() >> 16); p[10] = (byte) (c.index() >> 8); p[11] = (byte) c.index();
            for (int k = 12; k < 12 + PAYLOAD; k++) p[k] = (byte) (c.index() + k);
            int n = c.srtp().protectRtp();
            try {
                if (n > 0 && c.rtp().send(ByteBuffer.wrap(c.srtp().txBuffer(), 0, n), c.pbxRtp()) > 0) sent.incrementAndGet();
            } catch (IOException e) {
                // counted as lost
            }
        }
    }

    private void readRtp(Selector selector) {
        ByteBuffer b = ByteBuffer.allocate(2048);
        while (running) {
            try {
                selector.select(200);
                for (SelectionKey k : selector.selectedKeys()) {
                    Call c = (Call) k.attachment();
                    for (b.clear(); c.rtp().receive(b) != null; b.clear()) {
                        b.flip();
                        int len = b.remaining();
                        int pt = len > 1 ? b.get(1) & 0xff : 0;
                        if (pt >= 200 && pt <= 204) { // RTCP on the RTP port (RFC 5761 §4): not an echo
                            rtcp.incrementAndGet();
                            continue;
                        }
                        b.get(c.srtp().rxReset(len), 0, len);
                        int n = c.srtp().unprotectRtp();
                        byte[] p = c.srtp().rxBuffer();
                        if (n == 12 + PAYLOAD && p[12 + 40] == (byte) (c.index() + 52)) echoed.incrementAndGet();
                        else badEcho.incrementAndGet();
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                if (running) badEcho.incrementAndGet();
            }
        }
    }

    private static long cpuTicks(long pid) throws IOException {
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll("^.*\\) ", "").split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime: fields 14 and 15 of stat
    }

    private static long rssKb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("\\D", ""));
        }
        return 0;
    }
}
