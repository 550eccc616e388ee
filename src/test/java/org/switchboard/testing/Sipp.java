package org.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs SIPp (Debian sip-tester, {@code /usr/bin/sipp}) on 127.0.0.1 with one scenario: either a
 * file under {@code src/test/resources/sipp/} ({@code "uac-basic.xml"}, {@code "peers/uas-dialog.xml"})
 * or a built-in one ({@code "uac"}, {@code "uas"}). Stats, screen and error logs go to a fresh
 * temp dir; {@link #run} waits for the process (bounded), {@link #start}/{@link #stop} run a
 * background peer (normally a UAS). The process is always killed by {@link #close}.
 * <pre>
 * try (Sipp uas = Sipp.scenario("uas-busy.xml").calls(5).start();
 *      Sipp uac = Sipp.scenario("uac-busy.xml").remote(uas).calls(5).rate(10)) {
 *     Sipp.Result r = uac.run(Duration.ofSeconds(30));
 * }</pre>
 */
public final class Sipp implements AutoCloseable {
    public static final String EXECUTABLE = "/usr/bin/sipp";
    public static final Path SCENARIOS = Path.of("src/test/resources/sipp");
    public static final String HOST = "127.0.0.1";

    private final String scenario;
    private final List<String> options = new ArrayList<>();
    private String remote;
    private int localPort;
    private Integer calls;
    private String transport = "u1";
    private boolean tcp;
    private Duration globalTimeout;
    private Path dir;
    private Process process;
    private List<String> command;
    private Result last;

    /** Every live SIPp of this JVM, killed at JVM exit in case a test forgot {@link #close}. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    private Sipp(String scenario) { this.scenario = scenario; }

    /** A scenario file relative to {@link #SCENARIOS} (or an absolute path), or "uac"/"uas". */
    public static Sipp scenario(String nameOrFile) { return new Sipp(nameOrFile); }

    public static boolean installed() { return Files.isExecutable(Path.of(EXECUTABLE)); }

    // ---- builder -------------------------------------------------------------------------

    public Sipp remote(String host, int port) { remote = host + ":" + port; return this; }
    /** Points at another (started) SIPp, e.g. a UAS peer. */
    public Sipp remote(Sipp peer) { return remote(HOST, peer.localPort()); }
    /** Local SIP port; 0 (the default) picks a free one when the process starts. */
    public Sipp localPort(int port) { localPort = port; return this; }
    /** {@code -m}: stop after this many calls. */
    public Sipp calls(int n) { calls = n; return opt("-m", n); }
    /** {@code -r}: calls per second. */
    public Sipp rate(double cps) {
        return opt("-r", cps == Math.rint(cps) ? Long.toString((long) cps) : Double.toString(cps));
    }
    /** {@code -l}: at most this many simultaneous calls. */
    public Sipp limit(int n) { return opt("-l", n); }
    /** {@code -s}: the Request-URI user, [service] in scenarios. */
    public Sipp service(String user) { return opt("-s", user); }
    /** {@code -au}/{@code -ap}: digest credentials for [authentication]. */
    public Sipp auth(String user, String password) { opt("-au", user); return opt("-ap", password); }
    /** {@code -inf}: CSV injection file ([field0]...). */
    public Sipp inf(Path csv) { return opt("-inf", csv.toAbsolutePath()); }
    /** {@code -key k v}: the keyword [k] in the scenario. */
    public Sipp key(String k, String v) { options.add("-key"); options.add(k); options.add(v); return this; }
    /**
     * {@code -timeout} (whole seconds, rounded up) with {@code -timeout_error}: SIPp quits by
     * itself after this, with exit code 255 and "timed out" in the error log.
     */
    public Sipp timeout(Duration d) { globalTimeout = d; return this; }
    /** {@code -lost}: simulated loss of sent and received UDP packets, in percent. */
    public Sipp lost(int percent) { return opt("-lost", percent); }
    /** {@code -t}: u1 (UDP, one socket: the default), un (UDP, socket per call), t1, tn (TCP). */
    public Sipp transport(String mode) {
        if (!mode.matches("[ut][1n]")) throw new IllegalArgumentException("transport " + mode);
        transport = mode;
        tcp = mode.startsWith("t");
        return this;
    }

    /** {@code -t t1}: TCP, one connection for all calls. */
    public Sipp tcp() { return transport("t1"); }
    /** Any other SIPp option(s), passed as they are. */
    public Sipp arg(String... raw) { options.addAll(List.of(raw)); return this; }

    private Sipp opt(String name, Object value) { options.add(name); options.add(String.valueOf(value)); return this; }

    // ---- running -------------------------------------------------------------------------

    /** Runs to completion (all {@link #calls} done) and returns the result; kills SIPp after {@code max}. */
    public Result run(Duration max) {
        launch();
        return waitFor(max);
    }

    /** Starts in the background and returns once SIPp listens on its port (or fails if it exits). */
    public Sipp start() {
        launch();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (!SippPorts.bound(localPort, tcp)) {
                if (process.waitFor(20, TimeUnit.MILLISECONDS))
                    throw new IllegalStateException("sipp exited with " + process.exitValue()
                            + " before listening: " + command + "\n" + SippResults.read(dir, "stdout.txt"));
                if (System.nanoTime() > deadline) throw new IllegalStateException("sipp not listening: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    /**
     * Waits up to {@code max} for a background SIPp to finish its {@link #calls} by itself; if it
     * has no call limit (or is still running), asks it to quit (SIGUSR1: no new calls, finish
     * the current ones, write the final stats), then waits again.
     */
    public Result stop(Duration max) {
        if (process == null) throw new IllegalStateException("not started");
        try {
            if (calls == null || !process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
                new ProcessBuilder("kill", "-USR1", Long.toString(process.pid())).start()
                        .waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return waitFor(max);
    }

    public int localPort() {
        if (localPort == 0) localPort = tcp ? SippPorts.freeTcp() : SippPorts.freeUdp();
        return localPort;
    }

    /** The temp dir with stat.csv, screen.log, errors.log, stdout.txt. */
    public Path dir() { return dir; }

    public List<String> command() { return command; }

    /** Kills SIPp if still running; deletes its dir if the last run was {@link Result#ok}, else keeps it. */
    @Override
    public void close() {
        if (process == null) return;
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LIVE.remove(process);
        if (last != null && last.ok() && !process.isAlive()) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }

    private void launch() {
        if (process != null) throw new IllegalStateException("already started");
        try {
            dir = Files.createTempDirectory("sipp-");
            command = buildCommand();
            process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            LIVE.add(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> buildCommand() {
        List<String> c = new ArrayList<>(List.of(EXECUTABLE));
        if (remote != null) c.add(remote);
        if (scenario.equals("uac") || scenario.equals("uas")) {
            c.add("-sn");
            c.add(scenario);
        } else {
            Path file = Path.of(scenario).isAbsolute() ? Path.of(scenario) : SCENARIOS.resolve(scenario);
            if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no scenario " + file.toAbsolutePath());
            c.add("-sf");
            c.add(file.toAbsolutePath().toString());
        }
        int media = SippPorts.freeUdpPair();
        int control = SippPorts.freeUdp();
        // the kernel may hand out a port it just handed out: the control port must differ from the others
        for (int i = 0; i < 20 && (control == media || control == media + 2 || control == localPort()); i++) {
            control = SippPorts.freeUdp();
        }
        c.addAll(List.of("-i", HOST, "-p", String.valueOf(localPort()), "-mi", HOST,
                "-mp", String.valueOf(media), "-cp", String.valueOf(control),
                "-t", transport, "-nostdin",
                "-trace_err", "-error_file", dir.resolve("errors.log").toString(),
                "-trace_stat", "-stf", dir.resolve("stat.csv").toString(), "-fd", "1",
                "-trace_screen", "-screen_file", dir.resolve("screen.log").toString()));
        if (globalTimeout != null) {
            // SIPp truncates -timeout to whole seconds ("2500ms" quits after 2 s): round up ourselves
            long seconds = Math.max(1, (globalTimeout.toMillis() + 999) / 1000);
            c.addAll(List.of("-timeout", seconds + "s", "-timeout_error"));
        }
        c.addAll(options);
        return c;
    }

    private Result waitFor(Duration max) {
        boolean timedOut = false;
        try {
            if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            timedOut = true;
        }
        int exit = process.isAlive() ? -1 : process.exitValue();
        last = SippResults.parse(dir, exit, timedOut, command);
        return last;
    }

    /**
     * What a SIPp run left behind. {@code exitCode} as seen with SIPp 3.6.1: 0 all calls succeeded
     * (also after SIGUSR1/SIGTERM with no failed call); 1 at least one call failed, but ALSO a fatal
     * scenario error (unparsable XML, unused variable...), which leaves no stats (counts -1) and
     * the reason in {@code errors}; 254 could not bind a socket; 255 the {@link #timeout} hit;
     * 139 SIPp crashed (SIGSEGV); 97/99 (internal stop / no call processed) are documented by
     * SIPp but not seen here. Counts are the cumulative columns of the last stats line (-1 when
     * SIPp wrote none); {@code counters} has every numeric cumulative column of that line
     * ("FailedTimeoutOnRecv", "FailedRegexpDoesntMatch", "FailedTcpClosed"...).
     */
    public record Result(int exitCode, boolean timedOut, long successful, long failed, long retransmissions,
                         Map<String, Long> counters, String errors, String screen, Path dir, List<String> command) {
        /** A cumulative counter of the stats CSV without its "(C)", e.g. "FailedTcpClosed"; -1 if absent. */
        public long counter(String name) { return counters.getOrDefault(name, -1L); }

        /** Exited by itself with 0, and no call failed. */
        public boolean ok() { return !timedOut && exitCode == 0 && failed == 0; }

        @Override
        public String toString() {
            return "sipp exit=" + exitCode + (timedOut ? " (killed: timed out)" : "") + " successful=" + successful
                    + " failed=" + failed + " retransmissions=" + retransmissions + " in " + dir
                    + "\ncommand: " + String.join(" ", command)
                    + (errors.isBlank() ? "" : "\nerrors:\n" + errors.substring(0, Math.min(errors.length(), 4000)));
        }
    }
}
