package org.switchboard.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.channels.skype.SkypeTestBuddy;
import org.switchboard.channels.skype.SkypeTestNetwork;
import org.switchboard.channels.skype.SkypeTestPbx;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/**
 * Chat round trip through the dialplan words: {@code SkypeChatSend} to a buddy that echoes (an
 * independent slixmpp client on a private Prosody), then {@code SKYPE_CHAT_RECEIVE}, on N channels
 * in parallel (default 50). Prints messages per second, p50/p99 latency, and where the time goes:
 * <ul>
 *   <li>send: SkypeChatSend on the channel (substitution-free app call, Smack queues the stanza)</li>
 *   <li>network: stanza queued → echo back in our Smack listener (Prosody twice, the Python buddy, TLS, parsing)</li>
 *   <li>deliver: listener → SKYPE_CHAT_RECEIVE returns on the waiting channel (inbox hand-off, virtual thread wake-up)</li>
 * </ul>
 * Each message carries its send time, so a reply that wakes another channel (oldest waiter first) is
 * still timed from its own send. Run (needs prosody + python3-slixmpp):
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.switchboard.bench.SkypeChatRoundTripBench [channels] [messagesPerChannel]}
 */
public final class SkypeChatRoundTripBench {
    public static void main(String[] args) throws Exception {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int perChannel = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmup = Math.max(1, perChannel / 10);
        PbxLog.setVerbose(0);
        try (SkypeTestNetwork net = SkypeTestNetwork.create(false);
             SkypeTestPbx pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc("message_hold=30"),
                     "extensions.conf", "[general]\n"));
             SkypeTestBuddy echo = net.buddy("echo")) {
            echo.echo(true);
            pbx.loggedIn("lmentinc");
            // when our listener saw each echo come back (the SkypeChatMessage event is published there)
            ConcurrentHashMap<String, Long> arrived = new ConcurrentHashMap<>();
            pbx.pbx.events().subscribe(e -> {
                if (e.name().equals("SkypeChatMessage") && "echo".equals(e.get("From"))) {
                    String body = new String(java.util.Base64.getDecoder().decode(e.get("Message")));
                    arrived.put(body, System.nanoTime());
                }
            });
            pbx.stopRecording();

            run(pbx, channels, warmup, arrived, null);       // warm up JIT, Smack, Prosody
            arrived.clear();
            Stats s = new Stats(channels * perChannel);
            long t0 = System.nanoTime();
            run(pbx, channels, perChannel, arrived, s);
            double secs = (System.nanoTime() - t0) / 1e9;
            int n = s.count.get();
            System.out.printf("skype.roundtrip.channels=%d messages=%d failures=%d%n", channels, n, s.failures.get());
            System.out.printf("skype.roundtrip.rate=%.0f round trips per second (%.2f s)%n", n / secs, secs);
            System.out.printf("skype.roundtrip.latency_ms p50=%.2f p99=%.2f max=%.2f%n", s.total.p(50), s.total.p(99), s.total.p(100));
            System.out.printf("skype.roundtrip.send_ms    p50=%.3f p99=%.3f   (SkypeChatSend on the channel)%n", s.send.p(50), s.send.p(99));
            System.out.printf("skype.roundtrip.network_ms p50=%.2f p99=%.2f   (Prosody + echoing buddy + TLS, queued → our listener)%n",
                    s.network.p(50), s.network.p(99));
            System.out.printf("skype.roundtrip.deliver_ms p50=%.3f p99=%.3f   (listener → SKYPE_CHAT_RECEIVE returns)%n",
                    s.deliver.p(50), s.deliver.p(99));
        }
        System.exit(0);
    }

    private static void run(SkypeTestPbx pbx, int channels, int perChannel, ConcurrentHashMap<String, Long> arrived, Stats s)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(channels);
        AtomicLong seq = new AtomicLong();
        for (int ch = 0; ch < channels; ch++) {
            Channel c = pbx.channel();
            Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < perChannel; i++) {
                        String body = seq.incrementAndGet() + ":" + System.nanoTime();
                        long a = System.nanoTime();
                        pbx.pbx.execute(c, "SkypeChatSend", "lmentinc,echo," + body);
                        long b = System.nanoTime();
                        String got = pbx.pbx.substitute(c, "${SKYPE_CHAT_RECEIVE(lmentinc,10,echo)}");
                        long end = System.nanoTime();
                        if (s == null) continue;
                        if (got.isEmpty() || !"SUCCESS".equals(c.getVar("SKYPECHATSTATUS"))) {
                            s.failures.incrementAndGet();
                            continue;
                        }
                        long sentAt = Long.parseLong(got.substring(got.indexOf(':') + 1));
                        Long heard = arrived.remove(got);
                        s.record(end - sentAt, b - a, heard == null ? -1 : heard - sentAt - (b - a), heard == null ? -1 : end - heard);
                    }
                } finally {
                    c.hangup();
                    done.countDown();
                }
            });
        }
        done.await();
    }

    private static final class Stats {
        final AtomicInteger count = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final Series total, send, network, deliver;

        Stats(int n) {
            total = new Series(n);
            send = new Series(n);
            network = new Series(n);
            deliver = new Series(n);
        }

        void record(long totalNs, long sendNs, long networkNs, long deliverNs) {
            int i = count.getAndIncrement();
            total.set(i, totalNs);
            send.set(i, sendNs);
            network.set(i, networkNs);
            deliver.set(i, deliverNs);
        }
    }

    private static final class Series {
        final long[] v;
        int n;

        Series(int size) { v = new long[size]; }

        synchronized void set(int i, long ns) {
            if (i < v.length) {
                v[i] = ns;
                n = Math.max(n, i + 1);
            }
        }

        synchronized double p(int pct) {
            List<Long> xs = new ArrayList<>();
            for (int i = 0; i < n; i++) if (v[i] >= 0) xs.add(v[i]);
            if (xs.isEmpty()) return Double.NaN;
            long[] a = xs.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(a);
            int idx = Math.min(a.length - 1, (int) Math.ceil(pct / 100.0 * a.length) - 1);
            return a[Math.max(0, idx)] / 1e6;
        }
    }
}
