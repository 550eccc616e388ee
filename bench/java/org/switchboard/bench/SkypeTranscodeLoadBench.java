package org.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.switchboard.bench.jingleload.JingleLoadPeer;
import org.switchboard.bench.jingleload.LoadFigures;
import org.switchboard.bench.jingleload.OpusTone;
import org.switchboard.bench.jingleload.PbxProcess;
import org.switchboard.channels.skype.SkypeTestNetwork;
import org.switchboard.core.PbxLog;
import org.switchboard.testing.Sipp;

/**
 * Concurrent transcoded SIP → Skype calls with a light network side, so the figure is the PBX's:
 * SIPp calls {@code load<i>} (bench/sip/uac-skype-echo.xml, G.711 u-law, RTP echoed by SIPp),
 * the PBX (its own process) Dial()s {@code Skype/load<i>}, and {@link JingleLoadPeer} (this JVM,
 * N Smack accounts, the project's ICE + DTLS-SRTP) answers each call and streams a pre-encoded
 * Opus tone. Every packet crosses the PBX twice, transcoded both ways with resampling: Opus 48 kHz
 * → G.711 8 kHz to SIPp, which echoes it, and G.711 → Opus back to the buddy, where one call's
 * audio is decoded to check the tone survived. With all calls up it samples, over {@code hold}
 * seconds: calls held, the PBX's CPU (of {@code nproc}·100%) and RSS, and packets per direction.
 * <pre>bench/run skype-transcode-load [calls=200] [hold-seconds=30] [calls-per-second=10]</pre>
 */
public final class SkypeTranscodeLoadBench {
    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int hold = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        PbxLog.setVerbose(0);
        System.out.printf("skype.load.box nproc=%d loadavg=%s%n", Runtime.getRuntime().availableProcessors(), LoadFigures.loadAvg());
        List<String> users = IntStream.range(0, calls).mapToObj(i -> "load" + i).toList();
        try (SkypeTestNetwork net = SkypeTestNetwork.create(false)) {
            long t0 = System.nanoTime();
            register(net, users);
            System.out.printf("skype.load.accounts registered=%d in %.1f s%n", calls, (System.nanoTime() - t0) / 1e9);
            int sipPort = freeUdpPort();
            Path conf = net.confDir(
                "modules.conf", "[modules]\nautoload=yes\nnoload => res_manager\n",
                "chan_skype.conf", net.chanSkypeConf("[lmentinc]\nsecret=" + SkypeTestNetwork.ACCOUNTS.get("lmentinc")
                    + "\ncontext=skype-incoming\nexten=start\nauthpolicy=allow\npresence_on_call=no\n")
                    .replace("licenses=2", "licenses=" + calls),
                "sip.conf", "[general]\nudpbindaddr=127.0.0.1:" + sipPort + "\nallowguest=yes\ncontext=bench\nrtptimeout=0\n"
                    + "disallow=all\nallow=ulaw\n",
                "rtp.conf", "[general]\nrtpstart=20000\nrtpend=29998\n",
                "extensions.conf", "[bench]\nexten => _load.,1,Dial(Skype/${EXTEN},60)\n same => n,Hangup()\n");
            Path log = Path.of("target/skype-transcode-load-pbx.log").toAbsolutePath(); // kept: the network's folder goes with it
            try (PbxProcess pbx = PbxProcess.start(conf, log)) {
                System.out.printf("skype.load.pbx pid=%d up in %.1f s, RSS idle %d MB (log %s)%n", pbx.pid(), pbx.startSeconds(),
                    pbx.rssIdleKb() / 1024, log);
                try (JingleLoadPeer peer = new JingleLoadPeer(SkypeTestNetwork.DOMAIN, users, net.port, net.cert, 40000, 49999,
                         new OpusTone(440))) {
                    run(pbx, peer, sipPort, users, hold, rate);
                }
            }
            LoadFigures.logSummary(log);
        }
    }

    private static void run(PbxProcess pbx, JingleLoadPeer peer, int sipPort, List<String> users, int hold, int rate)
            throws Exception {
        int calls = users.size();
        Path csv = Files.createTempFile("skype-load-", ".csv");
        Files.writeString(csv, "SEQUENTIAL\n" + String.join("\n", users) + "\n");
        Path scenario = Path.of("bench/sip/uac-skype-echo.xml").toAbsolutePath();
        int ramp = calls / Math.max(1, rate);
        try (Sipp sipp = Sipp.scenario(scenario.toString()).remote("127.0.0.1", sipPort).inf(csv).calls(calls).limit(calls)
                 .rate(rate).arg("-rtp_echo").timeout(Duration.ofSeconds(ramp + hold + 240)).start()) {
            long t0 = System.nanoTime();
            int up = awaitCalls(peer, calls, Duration.ofSeconds(ramp + 60));
            System.out.printf("skype.load.setup calls=%d established=%d in %.1f s (SIPp at %d/s)%n", calls, up, (System.nanoTime() - t0) / 1e9, rate);
            peer.setupStages().forEach((k, v) -> System.out.printf("skype.load.setup %s: %s%n", k, LoadFigures.percentiles(v)));
            Thread.sleep(5000); // past the JIT's first compilations of the media path, before measuring
            String sampled = peer.sample(150); // 3 s of audio from one call
            LoadFigures.Window w = LoadFigures.measure(pbx, peer, sipp, hold);
            w.print(calls, hold);
            OpusTone.Check c = sampled == null ? new OpusTone.Check(0, 0, 0, Double.NaN) : peer.toneCheck(sampled);
            System.out.printf("skype.load.tone call=%s sent=%d Hz, decoded %d packets (%d ms): energy at %d Hz %.2f, strongest %.0f Hz -> %s%n",
                sampled, peer.tone().hz(), c.packets(), c.ms(), peer.tone().hz(), c.ratio(), c.strongestHz(),
                c.toneSurvived(peer.tone().hz()) ? "ok" : "LOST");
            if (!peer.failures().isEmpty()) System.out.println("skype.load.peer_failures " + peer.failures());
            peer.hangupAll();
            Sipp.Result r = sipp.stop(Duration.ofSeconds(60));
            System.out.printf("skype.load.sipp successful=%d failed=%d (of %d; a call succeeds when the buddy's hangup reaches SIPp as a BYE)%n",
                r.successful(), r.failed(), calls);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** Waits until every call has media both ways, or until no call came up for 30 s. */
    private static int awaitCalls(JingleLoadPeer peer, int calls, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos(), lastChange = System.nanoTime();
        int last = -1;
        for (;;) {
            int n = peer.callsWithMedia();
            if (n != last) {
                last = n;
                lastChange = System.nanoTime();
            }
            if (n >= calls || System.nanoTime() > end || System.nanoTime() - lastChange > 30_000_000_000L) return n;
            Thread.sleep(100);
        }
    }

    /** prosodyctl takes about a quarter of a second per account: four at a time. */
    private static void register(SkypeTestNetwork net, List<String> users) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> f = new ArrayList<>();
            for (String u : users) f.add(pool.submit(() -> net.register(u, "pw-" + u)));
            for (Future<?> x : f) x.get();
        } finally {
            pool.shutdown();
        }
    }

    private static int freeUdpPort() throws java.io.IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
