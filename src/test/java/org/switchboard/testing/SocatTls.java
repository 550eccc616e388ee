package org.switchboard.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A TLS leg for a peer that speaks only TCP (Debian's SIPp is built without OpenSSL): socat
 * (Debian {@code socat}, OpenSSL) on 127.0.0.1, one process, {@code fork} per connection.
 * {@link #client} listens on TCP and carries each connection over TLS to a server, presenting a
 * certificate; {@link #server} accepts TLS and hands the plain stream to a local TCP port. The
 * PBX sees a real OpenSSL peer on its TLS port.
 */
public final class SocatTls implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/socat");
    private final Process process;
    private final int listenPort;

    private SocatTls(Process process, int listenPort) {
        this.process = process;
        this.listenPort = listenPort;
    }

    public static boolean installed() { return Files.isExecutable(BINARY); }

    /** TCP on {@code listenPort} to TLS at 127.0.0.1:{@code tlsPort}, as a client presenting {@code pem}, trusting {@code ca} (null: no check). */
    public static SocatTls client(int listenPort, int tlsPort, Path pem, Path ca) throws IOException {
        String tls = "OPENSSL:127.0.0.1:" + tlsPort + ",cert=" + pem + (ca == null ? ",verify=0" : ",cafile=" + ca + ",verify=1");
        return start(listenPort, "TCP-LISTEN:" + listenPort + ",bind=127.0.0.1,reuseaddr,fork", tls);
    }

    /** TLS on {@code listenPort} (presenting {@code pem}, no client certificate asked) to TCP at 127.0.0.1:{@code tcpPort}. */
    public static SocatTls server(int listenPort, int tcpPort, Path pem) throws IOException {
        return start(listenPort, "OPENSSL-LISTEN:" + listenPort + ",bind=127.0.0.1,reuseaddr,fork,verify=0,cert=" + pem,
            "TCP:127.0.0.1:" + tcpPort);
    }

    private static SocatTls start(int port, String a, String b) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "-d", a, b));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (!SippPorts.bound(port, true)) {
                if (p.waitFor(20, TimeUnit.MILLISECONDS)) throw new IOException("socat exited with " + p.exitValue() + ": " + cmd);
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IOException("socat not listening on " + port + ": " + cmd);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException(e);
        }
        return new SocatTls(p, port);
    }

    /** A TCP port free now on loopback. */
    public static int freePort() { return SippPorts.freeTcp(); }

    public int port() { return listenPort; }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
