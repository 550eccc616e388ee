package org.switchboard.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import org.switchboard.config.ConfigReader;
import org.switchboard.core.Originate;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * Many channels at once: originates N Local channels whose ;2 half runs {@code Wait(60)} (the ;1
 * half runs Wait too, so 2N channels wait), reports the origination rate and the heap they hold.
 * Run: bench/run scale [N] (default 50000), with -Xmx2g so "under 2 GB" is enforced, not hoped.
 */
public final class ChannelScaleBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        PbxLog.setVerbose(0);
        Pbx pbx = new Pbx(null);
        pbx.start();
        pbx.loadDialplan(ConfigReader.parse("extensions.conf", """
                [bench]
                exten => wait,1,Wait(60)
                """, Path.of(".")));
        System.gc();
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Originate.toApplication(pbx, "Local/wait@bench", "Wait", "60", 60_000, Map.of(), null);
        }
        long originated = System.nanoTime() - t0;
        // every ;2 is in Wait once the pbx threads have started; wait for the count to settle
        while (pbx.channels().count() < 2L * n) Thread.onSpinWait();
        long allUp = System.nanoTime() - t0;
        System.gc();
        long heap = usedHeap() - heapBefore;
        System.out.printf("channels.originated=%d (Local pairs: %d channels)%n", n, pbx.channels().count());
        System.out.printf("channels.originate_rate=%.0f per second (%d ms for %d)%n", n / (originated / 1e9), originated / 1_000_000, n);
        System.out.printf("channels.all_waiting_after_ms=%d%n", allUp / 1_000_000);
        System.out.printf("channels.heap_used_mb=%.1f (%.0f bytes per channel) max_heap_mb=%d%n", heap / 1048576.0,
                heap / (2.0 * n), Runtime.getRuntime().maxMemory() / 1048576);
        long t1 = System.nanoTime();
        pbx.shutdown();
        while (pbx.channels().count() > 0) Thread.onSpinWait();
        System.out.printf("channels.hangup_all_ms=%d%n", (System.nanoTime() - t1) / 1_000_000);
    }

    private static long usedHeap() {
        var mu = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return mu.getUsed();
    }
}
