package org.switchboard.apps;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.switchboard.core.Application.Result;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupException;
import org.switchboard.core.PbxLog;

/**
 * System and TrySystem (app_system): a shell command run as Asterisk's ast_safe_system runs it,
 * {@code /bin/sh -c command}, while the channel waits. Unlike Asterisk (whose channel sits in
 * autoservice until the command ends, however long), a hangup or a redirect of the channel ends
 * the wait at once and kills the command with everything it started (SIGTERM, SIGKILL 2 s later),
 * so a command that never exits cannot hold a call, a thread or the PBX.
 */
final class ShellCommand {
    private ShellCommand() {}

    static final String STATUS = "SYSTEMSTATUS";
    private static final long KILL_GRACE_MS = 2000;

    /**
     * Runs the command of {@code data} and sets SYSTEMSTATUS: SUCCESS (exit 0), APPERROR (another
     * exit status), FAILURE (no command, the shell could not start, or status 127: not found).
     *
     * @param hangupOnFailure System's -1 on FAILURE (the call ends); TrySystem goes on
     */
    static Result execute(Channel c, String data, boolean hangupOnFailure) {
        Result failed = hangupOnFailure ? Result.HANGUP : Result.CONTINUE;
        if (data == null || data.isEmpty()) {
            PbxLog.warning("app_system.c", "System requires an argument(command)");
            c.setVar(STATUS, "FAILURE");
            return failed;
        }
        String command = decodeEscapes(data);
        if (!command.isEmpty() && (command.charAt(0) == '"' || command.charAt(0) == '\'')
                && command.charAt(command.length() - 1) == command.charAt(0)) {
            command = command.length() < 2 ? "" : command.substring(1, command.length() - 1);
            PbxLog.notice("app_system.c", "It is not necessary to quote the argument to the System application.");
        }
        int status = run(c, command);
        if (status < 0 || status == 127) {
            PbxLog.warning("app_system.c", "Unable to execute '" + data + "'");
            c.setVar(STATUS, "FAILURE");
            return failed;
        }
        c.setVar(STATUS, status == 0 ? "SUCCESS" : "APPERROR");
        return Result.CONTINUE;
    }

    /**
     * ast_str_get_encoded_str: {@code \n}, {@code \r}, {@code \t}, {@code \xHH}, {@code \0ooo} and
     * {@code \c} (any other character as itself); a NUL or a bad hex digit ends the text, as in C.
     */
    static String decodeEscapes(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch != '\\') {
                out.append(ch);
                i++;
                continue;
            }
            if (i + 1 >= s.length()) break;   // a lone trailing backslash is C's NUL
            char e = s.charAt(i + 1);
            int value;
            int used = 2;
            switch (e) {
                case 'n' -> value = '\n';
                case 'r' -> value = '\r';
                case 't' -> value = '\t';
                case 'x' -> {
                    int h1 = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                    if (h1 < 0) {
                        PbxLog.error("app.c", "Illegal character '" + (i + 2 < s.length() ? s.charAt(i + 2) : "") + "' in hexadecimal string");
                        return out.toString();
                    }
                    value = h1;
                    used = 3;
                    int h2 = i + 3 < s.length() ? Character.digit(s.charAt(i + 3), 16) : -1;
                    if (h2 >= 0) {
                        value = (value << 4) + h2;
                        used = 4;
                    }
                }
                case '0' -> {
                    value = 0;
                    while (i + used < s.length() && s.charAt(i + used) >= '0' && s.charAt(i + used) <= '7') {
                        value = ((value << 3) + s.charAt(i + used) - '0') & 0xFF;
                        used++;
                    }
                }
                default -> value = e;
            }
            if ((value & 0xFF) == 0) break;   // NUL ends a C string
            out.append((char) (value & 0xFF));
            i += used;
        }
        return out.toString();
    }

    /**
     * ast_safe_system: the exit status of {@code /bin/sh -c command} (stdin from /dev/null, output
     * discarded), or -1 when the shell could not be started.
     *
     * @throws HangupException when the channel was hung up (or redirected) meanwhile; the command is killed
     */
    static int run(Channel c, String command) {
        Process p;
        try {
            p = new ProcessBuilder("/bin/sh", "-c", command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException e) {
            PbxLog.warning("app_system.c", "Unable to start /bin/sh for '" + command + "': " + e.getMessage());
            return -1;
        }
        CompletableFuture<Process> exited = p.onExit();
        CompletableFuture<Void> woken = new CompletableFuture<>();
        List<Frame> deferred = new ArrayList<>();
        boolean done = false;
        try (AutoCloseable hook = c.onWake(() -> woken.complete(null))) {
            CompletableFuture<Object> either = CompletableFuture.anyOf(exited, woken);
            for (;;) {
                drain(c, deferred);   // throws HangupException once a wake-up came
                if (exited.isDone()) break;
                try {
                    either.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // look at the channel's frames again
                } catch (InterruptedException e) {
                    // never how the PBX wakes a channel: the loop head decides
                }
            }
            done = true;
        } catch (HangupException e) {
            throw e;
        } catch (Exception e) {
            // closing the wake-up registration cannot fail
        } finally {
            if (!done) kill(c, p);
            for (Frame f : deferred) c.queueFrame(f);
        }
        return p.isAlive() ? -1 : p.exitValue();
    }

    /** Autoservice: audio meanwhile is dropped, digits, text and control frames are kept for later. */
    private static void drain(Channel c, List<Frame> deferred) {
        for (Frame f; (f = c.poll()) != null; ) {
            if (!(f instanceof Frame.VoiceFrame) && !(f instanceof Frame.NullFrame)) deferred.add(f);
        }
    }

    /** Ends the command and what it started: SIGTERM now, SIGKILL to what is left after the grace time. */
    private static void kill(Channel c, Process p) {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.add(p.toHandle());
        PbxLog.verbose(3, "Channel " + c.name() + " went away while System() ran; ending the command (pid " + p.pid() + ")");
        tree.forEach(ProcessHandle::destroy);
        Thread.ofVirtual().name("system-kill-" + p.pid()).start(org.switchboard.core.PbxLog.carried(() -> {
            try {
                p.onExit().get(KILL_GRACE_MS, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // still running after the grace time
            }
            for (ProcessHandle h : tree) if (h.isAlive()) h.destroyForcibly();
        }));
    }
}
