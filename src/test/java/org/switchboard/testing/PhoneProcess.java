package org.switchboard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A softphone child process as tests see it: its output captured line by line (CR and LF both
 * end a line, so status lines redrawn with CR do not pile up), lines awaited by pattern with a
 * timeout, lines written to its stdin, and a kill that waits. Shared by {@link BaresipPhone}
 * and {@link LinphonePhone}.
 */
final class PhoneProcess implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int MAX_LINES = 5000;

    private final String name;
    private final Process process;
    private final Predicate<String> noise;
    private final List<String> lines = new ArrayList<>();
    private final BitSet taken = new BitSet();
    private int dropped;

    private PhoneProcess(String name, Process process, Predicate<String> noise, Predicate<String> keepStderr) {
        this.name = name;
        this.process = process;
        this.noise = noise;
        start(name + "-stdout", process.getInputStream(), l -> true);
        if (keepStderr != null) start(name + "-stderr", process.getErrorStream(), keepStderr);
    }

    private void start(String thread, InputStream in, Predicate<String> keep) {
        Thread t = new Thread(() -> pump(in, keep), thread);
        t.setDaemon(true);
        t.start();
    }

    /**
     * Starts {@code command} in {@code dir} with extra environment. With {@code keepStderr} null,
     * stderr is merged into stdout; otherwise only the stderr lines it accepts are kept (for a
     * chatty debug log of which a few lines matter).
     */
    static PhoneProcess start(String name, List<String> command, Path dir, Map<String, String> env,
                              Predicate<String> noise, Predicate<String> keepStderr) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(keepStderr == null);
        pb.environment().putAll(env);
        return new PhoneProcess(name, pb.start(), noise, keepStderr);
    }

    private void pump(InputStream stream, Predicate<String> keep) {
        StringBuilder line = new StringBuilder();
        try (InputStream in = stream) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                String s = new String(buf, 0, n, StandardCharsets.UTF_8);
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c != '\n' && c != '\r') { line.append(c); continue; }
                    if (keep.test(line.toString())) add(line.toString());
                    line.setLength(0);
                }
            }
        } catch (IOException ignored) {
            // the process went away: end of output
        }
        if (keep.test(line.toString())) add(line.toString());
        synchronized (this) { notifyAll(); }
    }

    /** Adds one line (ANSI colour codes removed), unless it is empty or noise. */
    synchronized void add(String raw) {
        // ANSI colours (baresip) and linphonec's prompt, which precedes whatever it prints next
        String l = raw.replaceAll("\u001B\\[[;\\d]*m", "").replaceFirst("^(linphonec> ?)+", "").strip();
        if (l.isEmpty() || noise.test(l)) return;
        if (lines.size() >= MAX_LINES) { // keep the head (startup) and drop the oldest of the rest
            lines.remove(MAX_LINES / 2);
            taken.clear(); // indexes shifted; consumed lines may match again only in very long runs
            dropped++;
        }
        lines.add(l);
        notifyAll();
    }

    /**
     * Waits for the first line not yet returned by an earlier call that matches {@code pattern};
     * fails at once if a line matching {@code failure} (may be null) comes first or the process
     * ends, and after {@code timeout} otherwise. Returns the match, so callers can read groups.
     */
    synchronized Matcher awaitLine(Pattern pattern, Pattern failure, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int from = 0;
        while (true) {
            for (int i = from; i < lines.size(); i++) {
                if (taken.get(i)) continue;
                Matcher m = pattern.matcher(lines.get(i));
                if (m.find()) { taken.set(i); return m; }
                if (failure != null && failure.matcher(lines.get(i)).find()) {
                    taken.set(i);
                    throw new AssertionError(name + ": " + what + " failed: " + lines.get(i) + "\n" + tail(40));
                }
            }
            from = lines.size();
            long left = deadline - System.nanoTime();
            if (!process.isAlive() && left > 0) left = Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)); // let the pump finish
            if (left <= 0) {
                String why = process.isAlive() ? "timed out after " + timeout.toMillis() + " ms" : "process exited (" + process.exitValue() + ")";
                throw new AssertionError(name + ": waiting for " + what + ": " + why + "\n" + tail(40));
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(name + ": interrupted waiting for " + what);
            }
        }
    }

    /** Writes one line to the process's stdin. */
    void send(String line) {
        try {
            OutputStream out = process.getOutputStream();
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new AssertionError(name + ": cannot write '" + line + "' to stdin: " + e + "\n" + tail(40));
        }
    }

    synchronized List<String> output() { return List.copyOf(lines); }

    /** The last {@code n} lines, indented, for failure messages. */
    synchronized String tail(int n) {
        StringBuilder sb = new StringBuilder("--- last output of " + name + (dropped > 0 ? " (some lines dropped)" : "") + " ---\n");
        for (String l : lines.subList(Math.max(0, lines.size() - n), lines.size())) sb.append("  ").append(l).append('\n');
        return sb.toString();
    }

    boolean alive() { return process.isAlive(); }

    /** Waits up to {@code timeout} for the process to exit by itself; true if it did. */
    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the process to end (SIGTERM), waits up to 5 s, then kills it and waits for the exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A port P free on 127.0.0.1 for UDP and TCP, with TCP P+1 free too if {@code plusOne}
     * (baresip binds SIP/TLS to the port after its {@code sip_listen} port). Another process may
     * still take it before the phone binds; callers retry on "address in use".
     */
    static int freePort(boolean plusOne) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
                int p = udp.getLocalPort();
                if (p >= 65534 || !tcpFree(p) || (plusOne && !tcpFree(p + 1))) continue;
                return p;
            } catch (IOException e) {
                // try another
            }
        }
        throw new IllegalStateException("no free port pair on 127.0.0.1");
    }

    /** A free TCP port on 127.0.0.1. */
    static int freeTcpPort() {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean tcpFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, LOOPBACK)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
