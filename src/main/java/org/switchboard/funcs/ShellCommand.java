package org.switchboard.funcs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One command run the way popen(3) runs it, {@code /bin/sh -c command}, its standard output
 * collected up to a limit (the rest is read and dropped so the command never blocks on a full
 * pipe), its standard error left on ours, and its standard input at end of file. Unlike popen,
 * it has a deadline: a command still running (or still holding its output open) then is
 * killed with everything it started.
 */
final class ShellCommand {
    /** What came of a run: the output, or why there is none. */
    record Outcome(String output, String failure, boolean timedOut) {}

    private ShellCommand() {}

    static Outcome run(String command, ProcessEnvironment env, Duration timeout, int maxBytes) {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        if (env != null) env.applyTo(pb.environment());
        Process p;
        try {
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, e.getMessage(), false);
        }
        closeQuietly(p.getOutputStream());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().name("shell-output").start(org.switchboard.core.PbxLog.carried(() -> collect(p.getInputStream(), out, maxBytes)));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            boolean exited = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            boolean drained = exited && reader.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (!drained) {
                kill(p);
                closeQuietly(p.getInputStream());
                reader.join(Duration.ofSeconds(1));
                return new Outcome(null, null, true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(p);
            return new Outcome(null, "interrupted", false);
        }
        synchronized (out) {
            return new Outcome(CBytes.text(out.toByteArray()), null, false);
        }
    }

    private static void collect(InputStream in, ByteArrayOutputStream out, int maxBytes) {
        byte[] buf = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (out) {
                    int keep = Math.min(n, maxBytes - out.size());
                    if (keep > 0) out.write(buf, 0, keep);
                }
            }
        } catch (IOException e) {
            // closed by the deadline, or the command went away: what was read stands
        }
    }

    /** The command and what it started, children first, so none is left running. */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do: the process is gone
        }
    }
}
