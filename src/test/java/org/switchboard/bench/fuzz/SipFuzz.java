package org.switchboard.bench.fuzz;

import java.util.List;
import java.util.Locale;

/**
 * Fuzzes the SIP channel (issue 9): starts a PBX with chan_sip on UDP and TCP on loopback, and
 * sends seeded hostile SIP (mutated requests and responses, control characters, bare CRs, broken
 * framing, endless heads, random bytes) from several peers over UDP and TCP, checking every reply
 * it gets back; every 100 inputs a fresh OPTIONS over each transport must be answered 200. Prints
 * one summary and exits non-zero on a crash (an ERROR line, an exception that is not a network
 * one logged above DEBUG, an uncaught exception), a liveness failure, or a malformed reply.
 * <p>
 * Run: {@code java -cp ... org.switchboard.bench.fuzz.SipFuzz [inputs=20000] [seed=random] [udp|tcp|both]}
 */
public final class SipFuzz {
    private SipFuzz() {}

    /** What one run found. */
    public record Result(long seed, long inputs, List<String> crashes, int livenessChecks, int livenessFailures,
                         List<String> replyViolations, int replies, int reconnects, long logLines, long rssBeforeKb,
                         long rssAfterKb, long heapAfterGcKb, long millis) {

        public boolean ok() { return crashes.isEmpty() && livenessFailures == 0 && replyViolations.isEmpty(); }

        public String summary() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "SipFuzz seed=%d: %,d inputs in %.1f s; crashes %d; liveness failures %d of %d checks; "
                    + "malformed replies %d of %,d; TCP reconnects %d; log lines %,d (%.1f per 1,000 inputs); "
                    + "account drops n/a (SIP); RSS before %,d KB, after %,d KB (heap in use after a GC %,d KB) -> %s",
                seed, inputs, millis / 1000.0, crashes.size(), livenessFailures, livenessChecks, replyViolations.size(), replies,
                reconnects, logLines, inputs == 0 ? 0.0 : logLines * 1000.0 / inputs, rssBeforeKb, rssAfterKb, heapAfterGcKb,
                ok() ? "OK" : "FAILED"));
            crashes.stream().limit(5).forEach(c -> sb.append("\n  crash: ").append(c));
            replyViolations.stream().limit(5).forEach(v -> sb.append("\n  reply: ").append(v));
            return sb.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        long inputs = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        String transports = args.length > 2 ? args[2].toLowerCase(Locale.ROOT) : "both";
        if (!List.of("udp", "tcp", "both").contains(transports)) {
            System.err.println("usage: SipFuzz [inputs] [seed] [udp|tcp|both]");
            System.exit(2);
        }
        Result r = run(inputs, seed, !transports.equals("tcp"), !transports.equals("udp"));
        System.out.println(r.summary());
        System.exit(r.ok() ? 0 : 1);
    }

    /** One seeded pass of {@code inputs} inputs over both transports (the JUnit test runs a short one). */
    public static Result run(long inputs, long seed) throws Exception { return run(inputs, seed, true, true); }

    public static Result run(long inputs, long seed, boolean udp, boolean tcp) throws Exception {
        return new SipFuzzRun(inputs, seed, udp, tcp).call();
    }

    /** Heap in use after a full collection, KB: what the run left behind, unlike RSS (which the heap's growth keeps). */
    static long heapAfterGcKb() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
    }

    /** VmRSS of this process in KB (/proc/self/status), 0 where /proc is missing. */
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
