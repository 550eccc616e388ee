package org.switchboard.bench.jingleload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.testing.Sipp;

/**
 * What the transcoding load benchmark measures over its hold window: CPU of the PBX, this JVM
 * (the load peer) and SIPp from /proc, the PBX's RSS, and RTP packets per direction, from the
 * PBX's own counters ({@code skype show calls}, {@code sip show channelstats}) and the peer's.
 */
public final class LoadFigures {
    private static final Pattern SKYPE_PACKETS = Pattern.compile("\\s(\\d+)/(\\d+)\\s");

    private LoadFigures() {}

    /** One leg's RTP counters in the PBX: received, lost (RFC 3550 A.3), sent (-1: not shown). */
    record Leg(long rx, long lost, long tx) {}

    /**
     * The PBX's counters at one instant, per leg: Skype legs by buddy ({@code skype show calls}),
     * SIP legs by Call-ID ({@code sip show channelstats}), so a window's deltas cover the legs
     * up at both ends only.
     */
    record PbxCounters(Map<String, Leg> skype, Map<String, Leg> sip, long nanos, long readMillis) {
        static PbxCounters read(PbxProcess pbx) {
            long t0 = System.nanoTime();
            Map<String, Leg> skype = new HashMap<>(), sip = new HashMap<>();
            for (String l : pbx.cli("skype show calls")) {
                Matcher m = SKYPE_PACKETS.matcher(l + " ");
                String[] w = l.trim().split("\\s+");
                if (w.length < 3 || !m.find()) continue; // the header, the count line, a call without media yet ("-")
                skype.put(w[2], new Leg(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), -1));
            }
            for (String l : pbx.cli("sip show channelstats")) {
                String[] w = l.trim().split("\\s+");
                // Peer, Call ID, Duration, Recv: Pack, Lost, (%) (padded inside the brackets), Jitter, Send: Pack, Codec
                if (w.length < 9 || !w[3].matches("\\d+") || !w[w.length - 2].matches("\\d+")) continue;
                sip.put(w[1], new Leg(Long.parseLong(w[3]), Long.parseLong(w[4]), Long.parseLong(w[w.length - 2])));
            }
            long t1 = System.nanoTime();
            return new PbxCounters(skype, sip, (t0 + t1) / 2, (t1 - t0) / 1_000_000); // two console round trips: their middle
        }

        /** Sums of end minus start over the legs present at both: received, lost, sent. */
        static long[] delta(Map<String, Leg> a, Map<String, Leg> z) {
            long[] d = new long[4];
            for (var e : z.entrySet()) {
                Leg s = a.get(e.getKey());
                if (s == null) continue;
                d[0] += e.getValue().rx() - s.rx();
                d[1] += e.getValue().lost() - s.lost();
                d[2] += e.getValue().tx() - s.tx();
                d[3]++;
            }
            return d;
        }
    }

    /** Samples at the start and the end of a hold of {@code seconds}. */
    public static Window measure(PbxProcess pbx, JingleLoadPeer peer, Sipp sipp, int seconds) throws InterruptedException {
        long sippPid = childPid("sipp");
        PbxCounters pa = PbxCounters.read(pbx); // a console round trip: outside the peer's window
        List<JingleLoadPeer.CallSnapshot> a = peer.snapshot();
        double pbxCpu0 = PbxProcess.cpuSeconds(pbx.pid()), selfCpu0 = PbxProcess.cpuSeconds(ProcessHandle.current().pid());
        double sippCpu0 = sippPid < 0 ? Double.NaN : PbxProcess.cpuSeconds(sippPid);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double wall = (System.nanoTime() - t0) / 1e9;
        double pbxCpu = PbxProcess.cpuSeconds(pbx.pid()) - pbxCpu0, selfCpu = PbxProcess.cpuSeconds(ProcessHandle.current().pid()) - selfCpu0;
        double sippCpu = sippPid < 0 ? Double.NaN : PbxProcess.cpuSeconds(sippPid) - sippCpu0;
        List<JingleLoadPeer.CallSnapshot> z = peer.snapshot();
        PbxCounters pz = PbxCounters.read(pbx);
        long rss = PbxProcess.rssKb(pbx.pid());
        return new Window(a, z, pa, pz, wall, pbxCpu, selfCpu, sippCpu, rss, pbx.rssIdleKb());
    }

    /** The figures of one hold window. */
    public record Window(List<JingleLoadPeer.CallSnapshot> start, List<JingleLoadPeer.CallSnapshot> end, PbxCounters pbxStart,
                         PbxCounters pbxEnd, double wallSeconds, double pbxCpuSeconds, double peerCpuSeconds, double sippCpuSeconds,
                         long rssKb, long rssIdleKb) {
        /** Calls up at both ends of the window that received media during it. */
        public int held() {
            int n = 0;
            for (int i = 0; i < start.size(); i++) {
                var s = start.get(i);
                var e = end.get(i);
                if (s.up() && e.up() && e.received() > s.received()) n++;
            }
            return n;
        }

        public void print(int calls, int hold) {
            long sent = 0, rx = 0, lost = 0, skipped = 0;
            int sending = 0;
            for (int i = 0; i < start.size(); i++) {
                if (end.get(i).sent() > start.get(i).sent()) sending++;
                sent += end.get(i).sent() - start.get(i).sent();
                rx += end.get(i).received() - start.get(i).received();
                lost += end.get(i).lost() - start.get(i).lost();
                skipped += end.get(i).skipped() - start.get(i).skipped();
            }
            long[] sk = PbxCounters.delta(pbxStart.skype(), pbxEnd.skype()), si = PbxCounters.delta(pbxStart.sip(), pbxEnd.sip());
            int held = held();
            int cores = Runtime.getRuntime().availableProcessors();
            double pct = 100 * pbxCpuSeconds / wallSeconds;
            System.out.printf("skype.load.calls requested=%d held=%d for %d s (PBX legs at the end: skype %d, sip %d)%n",
                calls, held, hold, pbxEnd.skype().size(), pbxEnd.sip().size());
            System.out.printf("skype.load.pbx_cpu %.1f%% of %d00%%, %.2f%% per call; load peer %.1f%%, SIPp %.1f%%; loadavg %s%n",
                pct, cores, held == 0 ? 0 : pct / held, 100 * peerCpuSeconds / wallSeconds, 100 * sippCpuSeconds / wallSeconds, loadAvg());
            System.out.printf("skype.load.pbx_rss %d MB (idle %d MB, %d KB per call above idle)%n", rssKb / 1024, rssIdleKb / 1024,
                held == 0 ? 0 : (rssKb - rssIdleKb) / held);
            // the PBX's counters are read over its console, which takes its own time under load: its window is its own
            double pbxWindow = (pbxEnd.nanos() - pbxStart.nanos()) / 1e9;
            System.out.printf("skype.load.rtp windows: peer %.1f s, PBX counters %.1f s (its console answered in %d and %d ms); "
                + "50 packets/s per call each way%n", wallSeconds, pbxWindow, pbxStart.readMillis(), pbxEnd.readMillis());
            System.out.printf("skype.load.rtp buddies->PBX (Opus/SRTP): sent %d = %.1f/s per sending call (%d calls; %d frames skipped: "
                + "the generator ran late); PBX received %d = %.1f/s per leg, lost %d (%s)%n", sent, perCall(sent, sending, wallSeconds),
                sending, skipped, sk[0],
                perCall(sk[0], sk[3], pbxWindow), sk[1], pct(sk[1], sk[0]));
            System.out.printf("skype.load.rtp PBX->SIPp (G.711): PBX sent %d = %.1f/s per leg; SIPp->PBX (echoed): PBX received %d, lost %d (%s)%n",
                si[2], perCall(si[2], si[3], pbxWindow), si[0], si[1], pct(si[1], si[0]));
            System.out.printf("skype.load.rtp PBX->buddies (Opus/SRTP): received %d = %.1f/s per held call, lost %d (%s)%n",
                rx, perCall(rx, held, wallSeconds), lost, pct(lost, rx));
        }

        private static double perCall(long packets, long calls, double seconds) { return calls == 0 ? 0 : packets / (double) calls / seconds; }

        private static String pct(long lost, long received) {
            return String.format("%.3f%%", lost + received <= 0 ? 0.0 : 100.0 * lost / (lost + received));
        }
    }

    /** p50/p99/max of a list of milliseconds, as "p50 X ms, p99 Y ms, max Z ms (n)". */
    public static String percentiles(List<Double> ms) {
        if (ms.isEmpty()) return "(none)";
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        return String.format("p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d calls)", s.get(s.size() / 2),
            s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.99) - 1)), s.get(s.size() - 1), s.size());
    }

    /** The PBX's warnings and notices, counted by text with numbers and addresses masked: why calls failed. */
    public static void logSummary(java.nio.file.Path log) {
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        try (var lines = java.nio.file.Files.lines(log)) {
            lines.filter(l -> l.contains("WARNING") || l.contains("NOTICE") || l.contains("ERROR"))
                .map(l -> l.replaceAll("^\\[[^]]*\\] ", "").replaceAll("[0-9a-f]{8}\\b|\\d+", "#"))
                .forEach(l -> kinds.merge(l.length() > 160 ? l.substring(0, 160) : l, 1, Integer::sum));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return;
        }
        kinds.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(8)
            .forEach(e -> System.out.printf("skype.load.pbx_log %dx %s%n", e.getValue(), e.getKey()));
    }

    /** The 1, 5 and 15 minute load averages: the box is shared. */
    public static String loadAvg() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static long childPid(String command) {
        return ProcessHandle.current().descendants().filter(p -> p.info().command().map(c -> c.endsWith("/" + command)).orElse(false))
            .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }
}
