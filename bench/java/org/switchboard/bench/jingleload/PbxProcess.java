package org.switchboard.bench.jingleload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.switchboard.res.cli.CliClient;
import org.switchboard.res.cli.ControlSocket;

/**
 * The PBX under test in its own JVM (as bench/sip/pbx.sh runs it: bin/jvm-options.sh's options,
 * this JVM's class path), so its CPU and RSS are its own in /proc; console commands through its
 * control socket.
 */
public final class PbxProcess implements AutoCloseable {
    private static final long CLK_TCK = 100; // USER_HZ on Linux (getconf CLK_TCK)

    private final Process process;
    private final Path conf;
    private CliClient cli;

    private double startSeconds;
    private long rssIdleKb;

    private PbxProcess(Process process, Path conf) {
        this.process = process;
        this.conf = conf;
    }

    /** Starts the PBX and waits (up to a minute) until its Skype account lmentinc is logged in; then reads its idle RSS. */
    public static PbxProcess start(Path conf, Path log) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        PbxProcess p = launch(conf, log);
        long end = t0 + 60_000_000_000L;
        while (p.cli("skype show users").stream().noneMatch(l -> l.contains("Logged In"))) {
            if (!p.alive() || System.nanoTime() > end) {
                p.close();
                throw new IllegalStateException("the PBX did not log in lmentinc within a minute: see " + log);
            }
            Thread.sleep(100);
        }
        p.startSeconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(2000); // settle before reading the idle footprint, as bench/sip/pbx.sh does
        p.rssIdleKb = rssKb(p.pid());
        return p;
    }

    public double startSeconds() { return startSeconds; }

    public long rssIdleKb() { return rssIdleKb; }

    private static PbxProcess launch(Path conf, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String o : jvmOptions().split("\\s+")) if (!o.isBlank()) cmd.add(o);
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
            "org.switchboard.Main", "run", "-C", conf.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        return new PbxProcess(p, conf);
    }

    /** $PBX_JAVA_OPTS, else what bin/jvm-options.sh gives a PBX. */
    private static String jvmOptions() throws IOException {
        String env = System.getenv("PBX_JAVA_OPTS");
        if (env != null) return env;
        Process p = new ProcessBuilder("bash", "-c", ". bin/jvm-options.sh && printf %s \"$SWITCHBOARD_JVM_OPTS\"").start();
        String s = new String(p.getInputStream().readAllBytes()).trim();
        return s.isEmpty() ? "-XX:+UseG1GC -XX:MaxGCPauseMillis=10 -Xms32m -Xmx384m" : s;
    }

    public long pid() { return process.pid(); }

    boolean alive() { return process.isAlive(); }

    /** A console command's output lines; empty when the PBX does not answer (yet). */
    public synchronized List<String> cli(String line) {
        List<String> out = new ArrayList<>();
        try {
            if (cli == null || cli.isClosed()) cli = CliClient.connect(ControlSocket.forConfigDir(conf));
            cli.command(line, out::add);
        } catch (IOException e) {
            cli = null;
        }
        return out;
    }

    /** CPU seconds (user + system) the process has used. */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLK_TCK; // fields 14 and 15 of proc(5)
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    public static long rssKb(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    @Override
    public void close() {
        cli("core stop now");
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (cli != null) cli.close();
    }
}
