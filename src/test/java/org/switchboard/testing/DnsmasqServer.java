package org.switchboard.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's dnsmasq (package dnsmasq-base) on 127.0.0.1 and a free port, serving the NAPTR records
 * (and SRV and address records, as options) given and NXDOMAIN for every other name in its zones; no upstream, no hosts file, nothing of the
 * machine's resolver touched.
 */
public final class DnsmasqServer implements AutoCloseable {
    public final int port;
    private final Process process;
    private final Path log;

    /**
     * @param zones   domains it answers for alone ({@code e164.arpa})
     * @param naptrs  {@code name,order,preference,flags,service,regexp}, as dnsmasq's --naptr-record
     */
    public DnsmasqServer(List<String> zones, List<String> naptrs) throws IOException { this(zones, naptrs, List.of()); }

    /**
     * @param options further dnsmasq options as they are: {@code --srv-host=_sip._udp.example.test,sip1.example.test,5070,10,0},
     *                {@code --host-record=sip1.example.test,127.0.0.1}, {@code --local-ttl=60}
     */
    public DnsmasqServer(List<String> zones, List<String> naptrs, List<String> options) throws IOException {
        port = freeUdpPort();
        log = Files.createTempFile("dnsmasq", ".log");
        List<String> cmd = new ArrayList<>(List.of("dnsmasq", "--keep-in-foreground", "--no-resolv", "--no-hosts", "--no-poll",
                "--conf-file=/dev/null", "--port=" + port, "--listen-address=127.0.0.1", "--bind-interfaces", "--pid-file=",
                "--log-queries", "--log-facility=-"));
        if ("root".equals(System.getProperty("user.name"))) cmd.add("--user=root");
        for (String z : zones) cmd.add("--local=/" + z + "/");
        for (String n : naptrs) cmd.add("--naptr-record=" + n);
        cmd.addAll(options);
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot start dnsmasq (apt-get install dnsmasq-base): " + e.getMessage(), e);
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> !process.isAlive() || Files.readString(log).contains("cleared cache") || Files.readString(log).contains("started"));
        if (!process.isAlive()) throw new IOException("dnsmasq exited: " + Files.readString(log));
    }

    /** How many queries for {@code type} (A, SRV, NAPTR...) of {@code name} dnsmasq was asked. */
    public long queries(String type, String name) throws IOException {
        String q = "query[" + type + "] " + name + " ";
        return log().lines().filter(l -> l.contains(q)).count();
    }

    /** What dnsmasq logged: the queries it was asked. */
    public String log() throws IOException { return Files.readString(log); }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // left for the OS
        }
    }
}
