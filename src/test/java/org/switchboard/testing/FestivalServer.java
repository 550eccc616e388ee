package org.switchboard.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Festival in server mode for one test, with Asterisk's {@code tts_textasterisk} defined
 * (contrib/README.festival) and only loopback clients served. Festival has no bind-address setting
 * (it listens on every interface); its access list refuses every client but 127.0.0.1.
 */
public final class FestivalServer implements AutoCloseable {
    private static final String INIT = """
            (set! server_port %d)
            (set! server_access_list '("localhost" "127.0.0.1" "localhost.localdomain"))
            (define (tts_textasterisk string mode)
              (let ((wholeutt (utt.synth (eval (list 'Utterance 'Text string)))))
                (utt.wave.resample wholeutt 8000)
                (utt.wave.rescale wholeutt 5)
                (utt.send.wave.client wholeutt)))
            """;

    public final int port;
    private final Process process;

    private FestivalServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/festival"));
    }

    public static FestivalServer start(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path init = dir.resolve("festival-init.scm");
        Files.writeString(init, INIT.formatted(port));
        Process p = new ProcessBuilder("festival", "--server", init.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("festival.log").toFile()).start();
        FestivalServer s = new FestivalServer(port, p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IOException("festival exited: " + Files.readString(dir.resolve("festival.log")));
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return s;
            } catch (IOException notYet) {
                p.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        s.close();
        throw new IOException("festival did not listen on " + port + " within 30 s");
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
