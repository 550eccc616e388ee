package org.switchboard.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.switchboard.config.ConfigReader;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelTech;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * Dialplan execution on one core: a While loop of {@code Set(i=$[${i} + 1])}. Each iteration runs
 * three priorities (While, Set, EndWhile); the score is priorities per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class DialplanLoopBench {
    static final int LOOPS = 10_000;
    /** Set(i=0), then LOOPS x (While, Set, EndWhile), the final While, NoOp. */
    static final int PRIORITIES = 1 + LOOPS * 3 + 1 + 1;

    private Pbx pbx;

    @Setup(Level.Trial)
    public void setup() {
        PbxLog.setVerbose(0);
        pbx = new Pbx(null);
        pbx.start();
        pbx.loadDialplan(ConfigReader.parse("extensions.conf", """
                [bench]
                exten => loop,1,Set(i=0)
                 same => n,While($[${i} < %d])
                 same => n,Set(i=$[${i} + 1])
                 same => n,EndWhile()
                 same => n,NoOp(done)
                """.formatted(LOOPS), Path.of(".")));
    }

    @TearDown(Level.Trial)
    public void tearDown() { pbx.shutdown(); }

    @Benchmark
    @OperationsPerInvocation(PRIORITIES)
    public String whileLoop() {
        Channel c = pbx.allocChannel("Bench/loop-" + pbx.channels().nextSuffix(), new ChannelTech() {}, null);
        c.setLocation("bench", "loop", 1);
        pbx.runPbx(c);
        return c.getVar("i");
    }
}
