package org.switchboard.res.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.testing.TestPbx;

/** {@code switchboard -r} on a dumb JLine terminal fed from a stream that stays open. */
class CliRemoteConsoleTest {
    @TempDir
    Path dir;

    private final TestPbx tp = new TestPbx();
    private CliServer server;
    private final Keyboard keys = new Keyboard();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    /** Typed input: blocks until something is typed, returns what there is. */
    private static final class Keyboard extends InputStream {
        private final BlockingQueue<Integer> typed = new LinkedBlockingQueue<>();

        void type(String s) { for (byte b : s.getBytes(StandardCharsets.UTF_8)) typed.add(b & 0xff); }

        void eof() { typed.add(-1); }

        @Override
        public int read() {
            try {
                int b = typed.take();
                if (b < 0) typed.add(-1);
                return b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            if (len == 0) return 0;
            int b = read();
            if (b < 0) return -1;
            buf[off] = (byte) b;
            int n = 1;
            Integer next;
            while (n < len && (next = typed.peek()) != null && next >= 0) {
                buf[off + n++] = (byte) (int) typed.poll();
            }
            return n;
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new CliServer(tp.pbx, dir.resolve("switchboard.ctl"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        tp.close();
    }

    private String screen() { return screen.toString(StandardCharsets.UTF_8); }

    private Thread console(AtomicInteger exit, Path history) throws Exception {
        Terminal t = new DumbTerminal(keys, screen);
        CliClient client = CliClient.connect(server.socketPath());
        return Thread.ofVirtual().start(() -> {
            try (client; t) {
                exit.set(new RemoteConsole(client, t, history).run());
            } catch (Exception e) {
                exit.set(99);
            }
        });
    }

    @Test
    void commandsRunLogLinesShowAndExitLeaves() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Path history = dir.resolve("history");
        Thread t = console(exit, history);
        keys.type("core show uptime seconds\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> screen().contains("Last reload: "));
        assertThat(screen()).startsWith("Connected to " + Pbx.VERSION + " currently running on ")
                .contains(RemoteConsole.PROMPT).contains("System uptime: ");
        PbxLog.warning("cli_test.c", "a warning the console shows");
        await().atMost(Duration.ofSeconds(5)).until(() -> screen().contains("WARNING"));
        assertThat(screen()).containsPattern("WARNING\\[\\d+\\]: cli_test.c: a warning the console shows");
        keys.type("exit\n");
        t.join(5000);
        assertThat(exit.get()).isZero();
        assertThat(Files.readString(history)).contains("core show uptime seconds");
    }

    @Test
    void endOfInputLeavesToo() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = console(exit, dir.resolve("history"));
        keys.type("frobnicate\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> screen().contains("No such command 'frobnicate'"));
        keys.eof();
        t.join(5000);
        assertThat(t.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
    }

    @Test
    void aServerThatGoesAwayEndsTheConsole() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = console(exit, dir.resolve("history"));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.clientCount() == 1 && screen().contains(RemoteConsole.PROMPT));
        server.stop();
        keys.type("core show version\n");
        t.join(5000);
        assertThat(exit.get()).isEqualTo(1);
        assertThat(screen()).contains("Disconnected from " + Pbx.VERSION);
    }
}
