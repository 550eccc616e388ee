package org.switchboard.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's PostgreSQL for one test: a cluster made by initdb in a temporary folder, served by
 * pg_ctl on 127.0.0.1 and a free port, passwords required (scram-sha-256), stopped and removed
 * when closed. PostgreSQL refuses to run as root, so a root test runs it as the {@code postgres}
 * user Debian's package creates. A test can stop and start the server in between.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String SUPERUSER = "postgres";
    public static final String SUPERUSER_PASSWORD = "pg-secret";

    public final int port;
    private final Path bin;
    private final Path dir;
    private final Path data;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The folder with initdb and pg_ctl: PATH first, then Debian's /usr/lib/postgresql/N/bin (newest N). */
    public static Path binaries() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String p : path.split(":")) {
                Path d = Path.of(p);
                if (Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl"))) {
                    try {
                        Path real = d.resolve("pg_ctl").toRealPath().getParent();
                        if (Files.isExecutable(real.resolve("postgres"))) return real;
                    } catch (IOException e) {
                        // try the next
                    }
                }
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) return null;
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static boolean installed() {
        if (binaries() == null) return false;
        return !isRoot() || Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"));
    }

    private static boolean isRoot() { return "root".equals(System.getProperty("user.name")); }

    /**
     * initdb in a new folder of the system's temporary directory (which the postgres user can reach,
     * unlike a test's own private folder), then starts the server.
     */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        if (bin == null) throw new IOException("no initdb/pg_ctl found");
        Path dir = Files.createTempDirectory("pg-test");
        boolean root = isRoot();
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        PostgresServer s = new PostgresServer(bin, dir, port, root);
        Path pw = dir.resolve("pwfile");
        Files.writeString(pw, SUPERUSER_PASSWORD + "\n");
        if (root) {
            UserPrincipal pg = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, pg);
            Files.setOwner(pw, pg);
        }
        s.run(60, bin.resolve("initdb").toString(), "-D", s.data.toString(), "-U", SUPERUSER, "--pwfile=" + pw,
                "--auth=scram-sha-256", "-E", "UTF8", "--no-sync");
        s.startServer();
        return s;
    }

    /** Starts the server (again, after {@link #stop}). */
    public void startServer() throws IOException, InterruptedException {
        run(60, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                        + " -c fsync=off -c synchronous_commit=off",
                "-w", "-t", "60", "start");
    }

    /** Stops the server at once (connections are cut, as when a database host goes down). */
    public void stop() throws IOException, InterruptedException {
        run(60, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    public String jdbcUrl(String database) { return "jdbc:postgresql://127.0.0.1:" + port + "/" + database; }

    /** Runs SQL statements as the superuser in {@code database}. */
    public void execute(String database, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), SUPERUSER, SUPERUSER_PASSWORD);
             Statement st = c.createStatement()) {
            for (String s : sql) st.execute(s);
        }
    }

    /** A connection as the superuser (the caller closes it). */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, SUPERUSER_PASSWORD);
    }

    private void run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser) cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(List.of(command));
        Path out = Files.createTempFile("pgcmd", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not finish in " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (IOException | InterruptedException e) {
            // already stopped
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp files only
        }
    }
}
