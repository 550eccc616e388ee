package org.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.testing.TestPbx;

/**
 * AstDB from the dialplan: {@code ${DB(cf/N)}} reads and {@code Set(DB(cf/N)=v)} writes per
 * second on a real SQLite file (WAL, synchronous=FULL: each write is on disk when it returns),
 * over 1,000 keys.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class AstDbBench {
    private Path dir;
    private TestPbx pbx;
    private Channel chan;
    private DialplanFunction db;
    private final String[] reads = new String[1000];
    private final String[] keys = new String[1000];
    private int i;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        dir = Files.createTempDirectory("astdb-bench");
        pbx = new TestPbx(dir);
        chan = pbx.channel();
        db = pbx.pbx.modules().function("DB");
        for (int k = 0; k < keys.length; k++) {
            keys[k] = "cf/" + (1000 + k);
            reads[k] = "${DB(" + keys[k] + ")}";
            db.write(chan, keys[k], Integer.toString(2000 + k));
        }
    }

    @Benchmark
    public String read() {
        return pbx.eval(chan, reads[i++ & 511]);
    }

    @Benchmark
    public void write() {
        int k = i++ % keys.length;
        db.write(chan, keys[k], Integer.toString(k));
    }

    @TearDown(Level.Trial)
    public void close() {
        pbx.close();
    }
}
