package org.switchboard.res.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.testing.TestPbx;

/** The control socket over a real Unix domain socket. */
class CliServerTest {
    @TempDir
    Path dir;

    private final TestPbx tp = new TestPbx();
    private CliServer server;
    private Path socket;

    @BeforeEach
    void start() throws IOException {
        socket = dir.resolve("run").resolve("switchboard.ctl");
        server = new CliServer(tp.pbx, socket);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        tp.close();
    }

    /** A bare connection that speaks the protocol by hand. */
    private static final class Raw implements AutoCloseable {
        final SocketChannel ch;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final ByteBuffer buf = ByteBuffer.allocate(4096);

        Raw(Path socket) throws IOException {
            ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            buf.flip();
        }

        void send(byte[] bytes) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) ch.write(b);
        }

        void send(String text) throws IOException { send(text.getBytes(StandardCharsets.UTF_8)); }

        /** The next line, or null at the end of the connection. */
        String readLine() throws IOException {
            for (;;) {
                while (buf.hasRemaining()) {
                    byte b = buf.get();
                    if (b == '\n') {
                        String s = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        return s;
                    }
                    line.write(b);
                }
                buf.clear();
                int n = ch.read(buf);
                buf.flip();
                if (n < 0) return null;
            }
        }

        /** Lines up to and including the next D line. */
        List<String> answer() throws IOException {
            List<String> out = new ArrayList<>();
            for (String l; (l = readLine()) != null; ) {
                out.add(l);
                if (l.startsWith("D ")) break;
            }
            return out;
        }

        @Override
        public void close() throws IOException { ch.close(); }
    }

    @Test
    void aCommandsOutputComesBackTaggedAndEnded() throws Exception {
        try (Raw c = new Raw(socket)) {
            assertThat(c.readLine()).matches("H 1 \\d+ \\S+ " + Pbx.VERSION);
            c.send("core show uptime seconds\n");
            assertThat(c.answer()).hasSize(3).satisfies(l -> {
                assertThat(l.get(0)).matches("O System uptime: \\d+");
                assertThat(l.get(1)).matches("O Last reload: \\d+");
                assertThat(l.get(2)).isEqualTo("D ok");
            });
            c.send("frobnicate\n");
            assertThat(c.answer()).containsExactly(
                    "O No such command 'frobnicate' (type 'core show help frobnicate' for other possible commands)", "D unknown");
            c.send("core show uptime hours\n");
            assertThat(c.answer()).first().isEqualTo("O Usage: core show uptime [seconds]");
            c.send("\n");
            assertThat(c.answer()).containsExactly("D ok");
        }
    }

    @Test
    void garbageAndAHugeLineGetAnErrorAndTheServerAnswersTheNextClient() throws Exception {
        try (Raw c = new Raw(socket)) {
            c.readLine();
            c.send(new byte[] {(byte) 0xc3, (byte) 0x28, 0x01, '\n'});
            assertThat(c.answer()).containsExactly("E malformed request: not UTF-8", "D error");
            c.send("core\u0007show\n");
            assertThat(c.answer()).containsExactly("E malformed request: control character 0x7 at column 5", "D error");
            c.send(":bogus\n");
            assertThat(c.answer()).containsExactly("E unknown request ':bogus'", "D error");
            byte[] huge = new byte[1024 * 1024 + 1];
            java.util.Arrays.fill(huge, (byte) 'x');
            huge[huge.length - 1] = '\n';
            c.send(huge);
            assertThat(c.answer()).containsExactly("E request too long (limit " + CliProtocol.MAX_REQUEST + " bytes)", "D error");
            c.send("core show uptime seconds\n");
            assertThat(c.answer()).last().isEqualTo("D ok");
        }
        try (CliClient next = CliClient.connect(socket)) {
            List<String> out = new ArrayList<>();
            assertThat(next.command("core show version", out::add)).isEqualTo("ok");
            assertThat(out).singleElement().asString().startsWith(Pbx.VERSION);
        }
    }

    @Test
    void aClientThatVanishesMidRequestLeavesTheServerServing() throws Exception {
        try (Raw c = new Raw(socket)) {
            c.readLine();
            c.send("core show ver");
        }
        try (Raw c = new Raw(socket)) {
            c.readLine();
            c.send("core show version\n:quit\n");
            assertThat(c.answer()).last().isEqualTo("D ok");
            assertThat(c.answer()).containsExactly("D ok");
            assertThat(c.readLine()).isNull();
        }
    }

    @Test
    void theClientRunsCommandsAndCompletes() throws Exception {
        try (CliClient c = CliClient.connect(socket)) {
            assertThat(c.serverVersion()).isEqualTo(Pbx.VERSION);
            assertThat(c.serverPid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(c.complete("core show chan")).containsExactly("channel", "channels");
            assertThat(c.complete("core set ")).containsExactly("verbose");
            List<String> out = new ArrayList<>();
            assertThat(c.command("core show channels count", out::add)).isEqualTo("ok");
            assertThat(out).hasSize(3).first().isEqualTo("0 active channels");
        }
    }

    @Test
    void aSubscribedClientSeesLogLinesAsTheyHappen() throws Exception {
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (CliClient c = CliClient.connect(socket)) {
            c.subscribeLog(seen::add);
            PbxLog.warning("cli_test.c", "hello from the log");
            PbxLog.verbose(1, "first line\nsecond line");
            assertThat(seen.poll(5, TimeUnit.SECONDS)).matches("\\[.*\\] WARNING\\[\\d+\\]: cli_test.c: hello from the log");
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(PbxLog.verbosePrefix(1) + "first line");
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("second line");
            List<String> out = new ArrayList<>();
            c.command("core show uptime seconds", out::add);
            assertThat(out).hasSize(2);
        }
    }

    @Test
    void aSecondServerOnALiveSocketIsRefused() {
        CliServer second = new CliServer(tp.pbx, socket);
        assertThatThrownBy(second::start).isInstanceOf(IOException.class).hasMessageContaining("already running on " + socket);
        assertThat(CliServer.isAlive(socket)).isTrue();
    }

    @Test
    void aStaleSocketFileIsReplaced() throws Exception {
        Path stale = dir.resolve("stale.ctl");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(stale));
        }
        assertThat(stale).exists();
        assertThat(CliServer.isAlive(stale)).isFalse();
        CliServer s = new CliServer(tp.pbx, stale);
        s.start();
        try (CliClient c = CliClient.connect(stale)) {
            assertThat(c.serverVersion()).isEqualTo(Pbx.VERSION);
        } finally {
            s.stop();
        }
        assertThat(stale).doesNotExist();
    }

    @Test
    void stopClosesClientsAndRemovesTheSocketAndItsFolder() throws Exception {
        CliClient c = CliClient.connect(socket);
        server.stop();
        assertThat(socket).doesNotExist();
        assertThat(socket.getParent()).doesNotExist();
        assertThat(c.command("core show version", l -> { })).isNull();
        assertThatThrownBy(() -> CliClient.connect(socket)).isInstanceOf(IOException.class);
        c.close();
    }

    @Test
    void theSocketFolderIsTheOwnersOnly() throws Exception {
        assertThat(Files.getPosixFilePermissions(socket.getParent()))
                .containsExactlyInAnyOrderElementsOf(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void theSocketPathFollowsTheConfigDirectory() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        Path pa = ControlSocket.forConfigDir(a);
        assertThat(pa.toString()).matches(java.util.regex.Pattern.quote(Path.of(System.getProperty("java.io.tmpdir")).toString())
                + "/switchboard-[0-9a-f]{8}/switchboard.ctl");
        assertThat(ControlSocket.forConfigDir(b)).isNotEqualTo(pa);
        assertThat(ControlSocket.forConfigDir(a.resolve("../a"))).isEqualTo(pa);
        Files.writeString(b.resolve("asterisk.conf"), "[directories](!)\nastetcdir => /etc/asterisk\nastrundir => " + dir.resolve("r") + "\n");
        assertThat(ControlSocket.forConfigDir(b)).isEqualTo(dir.resolve("r").resolve("switchboard.ctl"));
    }
}
