package org.switchboard.res.agi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * An AGI script run as a process of its own: the executable itself (no shell, so arguments are
 * never re-read), the environment block and answers on its stdin, commands on its stdout, its
 * stderr in the log. A hangup is a SIGHUP as in Asterisk; when the session ends a script that
 * is still running gets SIGHUP, one second later SIGTERM, one more SIGKILL.
 */
final class ScriptPeer implements AgiPeer {
    /** After the script closed its stdout, how long to wait for its exit status. */
    private static final long EXIT_WAIT_MS = 2000;
    private static final long KILL_WAIT_MS = 500;
    private static final String[] KILL_PATHS = {"/bin/kill", "/usr/bin/kill"};

    private final Pbx pbx;
    private final Process process;
    private final String display;
    private final int maxLineBytes;
    private final OutputStream stdin;
    /** EAGI's fd 3, or null for AGI. */
    private final EagiAudio audio;
    private volatile boolean stopped;
    private volatile boolean outputClosed;

    private ScriptPeer(Pbx pbx, Process process, String display, int maxLineBytes, EagiAudio audio) {
        this.pbx = pbx;
        this.audio = audio;
        this.process = process;
        this.display = display;
        this.maxLineBytes = maxLineBytes;
        this.stdin = process.getOutputStream();
    }

    /** What launching says: the peer, or why there is none (NOTFOUND, FAILURE). */
    record Launch(ScriptPeer peer, AgiStatus failure) {}

    /**
     * Starts {@code script} (a name without a leading {@code /} is under the AGI folder) with
     * {@code args}. A missing file is NOTFOUND; one that cannot be run, FAILURE; each with a log line.
     * With {@code eagiChannel} (EAGI) the script gets the caller's audio on file descriptor 3.
     */
    static Launch launch(Pbx pbx, AgiSettings settings, String script, List<String> args, String eagiChannel) {
        Path path = script.startsWith("/") ? Path.of(script) : settings.agiDir().resolve(script);
        if (!Files.exists(path)) {
            PbxLog.warning("res_agi.c", "Failed to execute '" + path + "': File does not exist.");
            return new Launch(null, AgiStatus.NOTFOUND);
        }
        EagiAudio audio = null;
        List<String> command = new ArrayList<>(args.size() + 6);
        if (eagiChannel != null) {
            if (!Files.isExecutable(path)) {   // the shell would say it later, in its own words
                PbxLog.warning("res_agi.c", "Failed to execute '" + path + "': Permission denied");
                return new Launch(null, AgiStatus.FAILURE);
            }
            try {
                audio = EagiAudio.create(eagiChannel);
            } catch (IOException e) {
                PbxLog.warning("res_agi.c", "EAGI " + path + ": no audio pipe for fd 3 (" + e.getMessage() + "); running it without");
            }
        }
        if (audio != null) {
            // the shell only opens fd 3 and becomes the script: names arrive as positional
            // parameters, so nothing in them is read as shell syntax
            command.addAll(List.of("/bin/sh", "-c", "f=$1; shift; exec \"$@\" 3<\"$f\"", "eagi", audio.fifo().toString()));
        }
        command.add(path.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("AST_AGI_DIR", settings.agiDir().toString());
        if (pbx.configDir() != null) env.put("AST_CONFIG_DIR", pbx.configDir().toAbsolutePath().toString());
        env.put("AST_VERSION", AgiEnvironment.VERSION);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            if (audio != null) audio.close();
            PbxLog.warning("res_agi.c", "Failed to execute '" + path + "': " + reason(e));
            return new Launch(null, AgiStatus.FAILURE);
        }
        PbxLog.verbose(3, "Launched AGI Script " + path);
        return new Launch(new ScriptPeer(pbx, p, path.toString(), settings.maxLineBytes(), audio), null);
    }

    /**
     * "Permission denied" rather than Java's "Cannot run program ...: error=13, Permission denied"
     * (or "...: Exec failed, error: 13 (Permission denied)" in newer JDKs).
     */
    static String reason(IOException e) {
        String m = String.valueOf(e.getMessage()).strip();
        int open = m.lastIndexOf('(');
        if (m.contains("error") && m.endsWith(")") && open >= 0) return m.substring(open + 1, m.length() - 1);
        int comma = m.lastIndexOf(", ");
        return m.contains("error=") && comma >= 0 ? m.substring(comma + 2) : m;
    }

    @Override
    public String begin(BlockingQueue<AgiInput> inbox, java.util.concurrent.Executor readers, String environment) throws IOException {
        AgiStreamReader.start(readers, "agi-out-" + process.pid(), new EofMarking(process.getInputStream()), maxLineBytes, inbox,
                () -> stopped);
        Thread.ofVirtual().name("agi-err-" + process.pid()).start(org.switchboard.core.PbxLog.carried(this::logStderr));
        send(environment);
        return environment;
    }

    @Override
    public void send(String text) throws IOException {
        stdin.write(text.getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    @Override
    public void audio(org.switchboard.core.Frame.VoiceFrame f) {
        if (audio != null) audio.offer(f);
    }

    @Override
    public String hangupNotice() {
        signalHangup();
        return null;
    }

    @Override
    public String describe() { return display; }

    @Override
    public boolean finish(boolean sighup) {
        stopped = true;
        if (audio != null) audio.close();
        closeQuietly(stdin);
        if (outputClosed) {
            try {
                int exit = process.onExit().get(EXIT_WAIT_MS, TimeUnit.MILLISECONDS).exitValue();
                if (exit != 0) {
                    PbxLog.verbose(3, "AGI Script " + display + " exited with status " + exit);
                    return false;
                }
                return true;
            } catch (java.util.concurrent.TimeoutException e) {
                PbxLog.notice("res_agi.c", "AGI Script " + display + " closed its output but is still running: ending it");
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                // it is ended below
            }
        }
        if (process.isAlive()) {
            if (sighup) signalHangup();
            pbx.scheduler().schedule(() -> { if (process.isAlive()) process.destroy(); }, 1, TimeUnit.SECONDS);
            pbx.scheduler().schedule(() -> { if (process.isAlive()) process.destroyForcibly(); }, 2, TimeUnit.SECONDS);
        }
        return true;
    }

    @Override
    public void abort() {
        stopped = true;
        process.destroyForcibly();
        if (audio != null) Thread.ofVirtual().start(audio::close); // must not block
    }

    /** SIGHUP: Java has no call for it, so the system's kill sends it; without one, SIGTERM. */
    private void signalHangup() {
        if (!process.isAlive()) return;
        for (String kill : KILL_PATHS) {
            if (!Files.isExecutable(Path.of(kill))) continue;
            try {
                Process k = new ProcessBuilder(kill, "-HUP", Long.toString(process.pid()))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                // as Asterisk's kill(2), the signal is out before the next answer is
                k.onExit().get(KILL_WAIT_MS, TimeUnit.MILLISECONDS);
                return;
            } catch (InterruptedException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return;
            } catch (IOException e) {
                // try the next one
            }
        }
        process.destroy();
    }

    /** The script's stderr, a line at a time, into the log (rate-limited per script, long lines cut). */
    private void logStderr() {
        AgiLineFramer framer = new AgiLineFramer(1024);
        byte[] buf = new byte[4096];
        try (InputStream err = process.getErrorStream()) {
            for (int n; (n = err.read(buf)) >= 0; ) {
                if (!framer.feed(buf, 0, n, this::logLine)) {
                    logLine("(a line longer than 1024 bytes)");
                    framer = new AgiLineFramer(1024);
                }
            }
        } catch (IOException e) {
            // the script is gone
        }
    }

    private void logLine(String line) {
        PbxLog.limited(PbxLog.Level.NOTICE, "res_agi.c", display, "AGI Script " + display + ": " + line);
    }

    private static void closeQuietly(OutputStream s) {
        try {
            s.close();
        } catch (IOException e) {
            // the script closed its stdin already
        }
    }

    /** Notes when the script closed its stdout, so {@link #finish} knows to wait for its exit status. */
    private final class EofMarking extends java.io.FilterInputStream {
        EofMarking(InputStream in) { super(in); }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) outputClosed = true;
            return n;
        }
    }
}
