package org.switchboard.bench.fuzz;

import java.util.List;
import java.util.Locale;

/**
 * Fuzzes the Manager interface (issue 9): starts a PBX with AMI on loopback, and from several
 * clients at once sends seeded random bytes, mutated actions, control characters in keys and
 * values, over-long lines and messages, while silent clients never read and a watcher checks the
 * framing of everything it receives. Every few hundred inputs a fresh login and Ping must be
 * answered. Prints one summary and exits non-zero on a crash (an exception logged or uncaught), a
 * liveness failure, a framing violation, a write the PBX never took, a client with more than the
 * byte limit waiting, or sessions left behind.
 * <p>
 * Run: {@code java -cp ... org.switchboard.bench.fuzz.AmiFuzz [inputs=20000] [seed=random]}
 */
public final class AmiFuzz {
    private AmiFuzz() {}

    /** What one run found. */
    public record Result(long seed, long inputs, List<String> crashes, int livenessChecks, int livenessFailures,
                         List<String> framingViolations, int stuckWrites, long maxQueuedBytes, long queueLimit,
                         int sessionsLeft, int slowDropped, int reconnects, long rssBeforeKb, long rssAfterKb,
                         long heapAfterGcKb, long millis) {
        /** A client may briefly hold one message past the limit, and the socket layer's bookkeeping. */
        public static final long QUEUE_SLACK = 64 * 1024;

        public boolean ok() {
            return crashes.isEmpty() && livenessFailures == 0 && framingViolations.isEmpty() && stuckWrites == 0
                    && maxQueuedBytes <= queueLimit + QUEUE_SLACK && sessionsLeft == 0;
        }

        public String summary() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "AmiFuzz seed=%d: %,d inputs in %.1f s; crashes %d; liveness failures %d of %d checks; "
                            + "framing violations %d; stuck writes %d; most bytes waiting for one client %,d (limit %,d); "
                            + "slow clients dropped %d; reconnects %d; sessions left %d; account drops n/a (AMI); "
                            + "RSS before %,d KB, after %,d KB (heap in use after a GC %,d KB) -> %s",
                    seed, inputs, millis / 1000.0, crashes.size(), livenessFailures, livenessChecks, framingViolations.size(),
                    stuckWrites, maxQueuedBytes, queueLimit, slowDropped, reconnects, sessionsLeft, rssBeforeKb, rssAfterKb,
                    heapAfterGcKb, ok() ? "OK" : "FAILED"));
            crashes.stream().limit(5).forEach(c -> sb.append("\n  crash: ").append(c));
            framingViolations.stream().limit(5).forEach(v -> sb.append("\n  framing: ").append(v));
            return sb.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        long inputs = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        Result r = run(inputs, seed);
        System.out.println(r.summary());
        System.exit(r.ok() ? 0 : 1);
    }

    /** One seeded pass of {@code inputs} inputs (the JUnit test runs a short one). */
    public static Result run(long inputs, long seed) throws Exception {
        return new AmiFuzzRun(inputs, seed).call();
    }

    /** Heap in use after a full collection, KB: what the run left behind, unlike RSS (which the heap's growth keeps). */
    static long heapAfterGcKb() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
    }

    /** VmRSS of this process in KB, 0 where /proc is missing. */
    static long rssKb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux
        }
        return 0;
    }
}
