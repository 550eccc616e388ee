package org.switchboard.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.channels.skype.SkypeBenchProbe;
import org.switchboard.channels.skype.SkypeTestBuddy;
import org.switchboard.channels.skype.SkypeTestNetwork;
import org.switchboard.channels.skype.SkypeTestPbx;
import org.switchboard.core.PbxLog;
import org.switchboard.testing.Sipp;

/**
 * Concurrent transcoded Skype to SIP calls: N aiortc buddies (buddy.py: slixmpp + aiortc, a tone
 * in Opus over ICE + DTLS-SRTP) each call {@code lmentinc}, whose dialplan Dial()s a SIPp UAS
 * that echoes its RTP (PCMU); the PBX transcodes Opus 48 kHz to G.711 8 kHz and back on every
 * call. With all calls up it samples, over {@code hold} seconds: calls held, the JVM's CPU and
 * RSS per call (the PBX runs in this JVM; the buddies and SIPp are other processes), and RTP
 * received/lost/sent on the Skype legs. The network side is the limit here: each buddy is a
 * Python process encoding and decoding Opus.
 * <pre>bench/run skype-transcode [calls=10] [hold-seconds=20]</pre>
 */
public final class SkypeTranscodeBench {
    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int hold = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        PbxLog.setVerbose(0);
        try (SkypeTestNetwork net = SkypeTestNetwork.create(false);
             Sipp uas = Sipp.scenario("uas").arg("-rtp_echo").timeout(Duration.ofSeconds(hold + 300)).start()) {
            for (int i = 0; i < calls; i++) net.register("load" + i, "pw-load" + i);
            String sip = "[general]\nudpbindaddr=127.0.0.1:0\n\n[uas]\ntype=peer\nhost=127.0.0.1\nport=" + uas.localPort()
                + "\ndisallow=all\nallow=ulaw\ncontext=phones\n";
            String skype = net.chanSkypeConf("[lmentinc]\nsecret=" + SkypeTestNetwork.ACCOUNTS.get("lmentinc")
                + "\ncontext=skype-incoming\nexten=start\nauthpolicy=allow\npresence_on_call=no\n").replace("licenses=2", "licenses=" + calls);
            try (SkypeTestPbx pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", skype, "sip.conf", sip,
                     "rtp.conf", "[general]\nrtpstart=30000\nrtpend=39998\n",
                     "extensions.conf", "[skype-incoming]\nexten => start,1,Dial(SIP/uas,,)\n same => n,Hangup()\n"))) {
                pbx.loggedIn("lmentinc");
                pbx.stopRecording();
                SkypeBenchProbe probe = new SkypeBenchProbe(pbx.pbx);
                System.gc();
                long rssIdle = rssKb();
                List<SkypeTestBuddy> buddies = new ArrayList<>();
                try {
                    for (int i = 0; i < calls; i++) {
                        SkypeTestBuddy b = SkypeTestBuddy.login(net, "load" + i, "pw-load" + i);
                        buddies.add(b);
                        b.tone(440);
                    }
                    long t0 = System.nanoTime();
                    for (SkypeTestBuddy b : buddies) b.call(net.jid("lmentinc"), "direct".equals(System.getenv("HOW")) ? "direct" : "jmi");
                    int connected = 0;
                    for (SkypeTestBuddy b : buddies) {
                        try {
                            b.awaitReport("call-state connection connected", Duration.ofSeconds(60));
                            connected++;
                        } catch (RuntimeException e) {
                            // counted below as not held
                        }
                    }
                    System.out.printf("skype.transcode.setup_all_ms=%.0f connected=%d of %d%n", (System.nanoTime() - t0) / 1e6, connected, calls);
                    long[] a = probe.mediaTotals();
                    long cpu0 = cpuNanos(), wall0 = System.nanoTime();
                    Thread.sleep(hold * 1000L);
                    long cpu1 = cpuNanos(), wall1 = System.nanoTime();
                    long[] z = probe.mediaTotals();
                    long rss = rssKb();
                    long sipUp = pbx.pbx.channels().byPrefix("SIP/").size();
                    double cpuPct = 100.0 * (cpu1 - cpu0) / (wall1 - wall0);
                    long held = Math.min(z[0], sipUp);
                    System.out.printf("skype.transcode.calls_held=%d (skype legs %d, sip legs %d, of %d) hold=%ds%n", held, z[0], sipUp, calls, hold);
                    System.out.printf("skype.transcode.cpu_pct=%.1f (of %d00%%) per_call=%.2f%%%n", cpuPct,
                        Runtime.getRuntime().availableProcessors(), held == 0 ? 0 : cpuPct / held);
                    System.out.printf("skype.transcode.rss_mb=%d idle_mb=%d per_call_kb=%d%n", rss / 1024, rssIdle / 1024,
                        held == 0 ? 0 : (rss - rssIdle) / held);
                    System.out.printf("skype.transcode.rtp_skype_legs received=%d lost=%d sent=%d (during the hold: received=%d lost=%d)%n",
                        z[1], z[2], z[3], z[1] - a[1], z[2] - a[2]);
                } finally {
                    for (SkypeTestBuddy b : buddies) b.close();
                }
            }
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long rssKb() throws java.io.IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
        return 0;
    }
}
