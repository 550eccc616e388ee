package org.switchboard.res.manager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.switchboard.testing.TestPbx;

/** A PBX with the Manager interface on 127.0.0.1 and a free port, from manager.conf text. */
final class ManagerFixture implements AutoCloseable {
    static final String USER = "admin";
    static final String SECRET = "s3cret";

    static final String GENERAL = """
            [general]
            enabled = yes
            port = 0
            bindaddr = 127.0.0.1
            """;

    static final String ADMIN = """
            [admin]
            secret = s3cret
            deny = 0.0.0.0/0.0.0.0
            permit = 127.0.0.0/255.0.0.0
            read = all
            write = all
            """;

    static final String DIALPLAN = """
            [test]
            exten => 100,1,Answer()
             same => n,Set(GREETING=hello)
             same => n,Wait(0.2)
             same => n,Hangup()
            exten => park,1,Answer()
             same => n,Wait(30)
            exten => quick,1,Answer()
             same => n,Hangup()
            ; the originating side that stays until the far side (100) has run its priorities and hung up
            exten => listen,1,Answer()
             same => n,Wait(10)
            """;

    final Path dir;
    final TestPbx test;
    final ManagerModule manager;

    ManagerFixture() { this(GENERAL + ADMIN, DIALPLAN); }

    ManagerFixture(String managerConf) { this(managerConf, DIALPLAN); }

    ManagerFixture(String managerConf, String extensionsConf) { this(managerConf, extensionsConf, java.util.Map.of()); }

    /** With more config files beside manager.conf and extensions.conf (name to text). */
    ManagerFixture(String managerConf, String extensionsConf, java.util.Map<String, String> moreFiles) {
        try {
            dir = Files.createTempDirectory("ami-test");
            if (managerConf != null) Files.writeString(dir.resolve("manager.conf"), managerConf);
            Files.writeString(dir.resolve("extensions.conf"), extensionsConf);
            for (var f : moreFiles.entrySet()) Files.writeString(dir.resolve(f.getKey()), f.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        test = new TestPbx(dir);
        manager = ManagerModule.of(test.pbx);
    }

    int port() { return manager.port(); }

    AmiTestClient client() throws IOException {
        AmiTestClient c = new AmiTestClient(port());
        c.readBanner();
        return c;
    }

    private static final java.util.concurrent.atomic.AtomicInteger LOOPBACKS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A loopback address (127.9.x.y) no other test in this JVM has used. PbxLog.limited lets a few
     * lines per address through in each 10 s, and failed logins slow down per address, so a test
     * that asserts on such a line connects from an address of its own.
     */
    static String freshLoopback() {
        int n = LOOPBACKS.incrementAndGet();
        return "127.9." + (n / 250) + "." + (n % 250 + 1);
    }

    /** A client connected from {@code localAddress}, banner read. */
    AmiTestClient clientFrom(String localAddress) throws IOException {
        AmiTestClient c = new AmiTestClient(port(), 0, localAddress);
        c.readBanner();
        return c;
    }

    AmiTestClient loggedIn() throws IOException {
        AmiTestClient c = client();
        var r = c.login(USER, SECRET);
        if (!"Success".equals(r.get("Response"))) throw new IOException("login failed: " + r);
        return c;
    }

    void writeManagerConf(String text) throws IOException { Files.writeString(dir.resolve("manager.conf"), text); }

    @Override
    public void close() {
        test.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp files only
        }
    }
}
