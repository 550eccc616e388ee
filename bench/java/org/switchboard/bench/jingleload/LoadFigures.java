package org.switchboard.bench.jingleload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    private static final Pattern SIP_TOTALS = Pattern.compile("(\\d+) active SIP channels?; total received (\\d+), lost (\\d+), sent (\\d+)");

    private LoadFigures() {}

    /** The PBX's counters at one instant: Skype legs up and their received/lost, SIP legs up and received/lost/sent. */
    record PbxCounters(int skypeCalls, long skypeRx, long skypeLost, int sipCalls, long sipRx, long sipLost, long sipTx) {
        static PbxCounters read(PbxProcess pbx) {
            int calls = 0;
            long rx = 0, lost = 0;
            for (String l : pbx.cli("skype show calls")) {
                Matcher m = SKYPE_PACKETS.matcher(l + " ");
                if (!m.find()) continue; // the header, the count line, a call without media yet ("-")
                calls++;
                rx += Long.parseLong(m.group(1));
                lost += Long.parseLong(m.group(2));
            }
            for (String l : pbx.cli("sip show channelstats")) {
                Matcher m = SIP_TOTALS.matcher(l);
                if (m.find()) {
                    return new PbxCounters(calls, rx, lost, Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)),
                        Long.parseLong(m.group(3)), Long.parseLong(m.group(4)));
                }
            }
            return new PbxCounters(calls, rx, lost, 0, 0, 0, 0);
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
            long sent = 0, rx = 0, lost = 0;
            for (int i = 0; i < start.size(); i++) {
                sent += end.get(i).sent() - start.get(i).sent();
                rx += end.get(i).received() - start.get(i).received();
                lost += end.get(i).lost() - start.get(i).lost();
            }
            int held = held();
            int cores = Runtime.getRuntime().availableProcessors();
            double pct = 100 * pbxCpuSeconds / wallSeconds;
            System.out.printf("skype.load.calls requested=%d held=%d for %d s (PBX legs at the end: skype %d, sip %d)%n",
                calls, held, hold, pbxEnd.skypeCalls(), pbxEnd.sipCalls());
            System.out.printf("skype.load.pbx_cpu %.1f%% of %d00%%, %.2f%% per call; load peer %.1f%%, SIPp %.1f%%; loadavg %s%n",
                pct, cores, held == 0 ? 0 : pct / held, 100 * peerCpuSeconds / wallSeconds, 100 * sippCpuSeconds / wallSeconds,
                loadAvg());
            System.out.printf("skype.load.pbx_rss %d MB (idle %d MB, %d KB per call above idle)%n", rssKb / 1024, rssIdleKb / 1024,
                held == 0 ? 0 : (rssKb - rssIdleKb) / held);
            System.out.printf("skype.load.rtp buddies->PBX (Opus/SRTP): sent %d, PBX received %d, lost %d%n", sent,
                pbxEnd.skypeRx() - pbxStart.skypeRx(), pbxEnd.skypeLost() - pbxStart.skypeLost());
            System.out.printf("skype.load.rtp PBX->SIPp (G.711): PBX sent %d; SIPp->PBX (echo): PBX received %d, lost %d%n",
                pbxEnd.sipTx() - pbxStart.sipTx(), pbxEnd.sipRx() - pbxStart.sipRx(), pbxEnd.sipLost() - pbxStart.sipLost());
            System.out.printf("skype.load.rtp PBX->buddies (Opus/SRTP): received %d, lost %d (%.3f%%); expected at 50/s per held call %d%n",
                rx, lost, rx + lost == 0 ? 0 : 100.0 * lost / (rx + lost), (long) (held * 50 * wallSeconds));
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
