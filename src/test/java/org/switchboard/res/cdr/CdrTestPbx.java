package org.switchboard.res.cdr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/**
 * A PBX with call records on: a config directory with the given files (cdr.conf, extensions.conf,
 * ...), asterisk.conf pointing astlogdir at {@code log/} inside it, and helpers to place a call from
 * a test channel and read what the backends wrote.
 */
final class CdrTestPbx implements AutoCloseable {
    final Path dir;
    TestPbx test;

    CdrTestPbx(Map<String, String> files) {
        try {
            dir = Files.createTempDirectory("cdr-test");
            Files.writeString(dir.resolve("asterisk.conf"), "[directories]\nastlogdir => log\n");
            for (Map.Entry<String, String> f : files.entrySet()) Files.writeString(dir.resolve(f.getKey()), f.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        test = new TestPbx(dir);
    }

    Path logDir() { return dir.resolve("log"); }

    /** Stops the PBX, keeping its folder (what a stopped process leaves on disk stays). */
    void stopPbx() {
        test.close();
        test = null;
    }

    /** Starts a new PBX on the same folder after {@link #stopPbx}. */
    void startPbx() { test = new TestPbx(dir); }

    Path master() { return logDir().resolve("cdr-csv/Master.csv"); }

    /** Runs a new channel {@code Test/caller} with caller ID "Alice" <100> from context,s,1 to its end on this thread. */
    Channel call(String context) { return call(context, "s"); }

    Channel call(String context, String exten) {
        Channel c = test.channel("Test/caller");
        c.callerId().setName("Alice");
        c.callerId().setNumber("100");
        c.setLocation(context, exten, 1);
        test.pbx.runPbx(c);
        return c;
    }

    /** The lines of a file once it has {@code count} of them (waiting a few seconds at most). */
    List<String> lines(Path file, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> read(file).size() >= count);
        return read(file);
    }

    /** Waits until no channel is left and everything finished is posted. */
    void settle() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> test.pbx.channels().count() == 0);
        CdrEngine.of(test.pbx).flush(5_000);
    }

    static List<String> read(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (test != null) test.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp files only
        }
    }
}
