package org.switchboard.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;
import org.switchboard.dialplan.ExtensionIndex;
import org.switchboard.dialplan.ExtensionPattern;

/**
 * Extension lookup in one context of 10,000 extensions (9,500 literals, 500 patterns): a literal
 * hit, a pattern hit, a miss, an overlap-dialing E_MATCHMORE, and for scale the sorted-list walk
 * Asterisk's old engine does for the same pattern hit. Each call cycles through 8 texts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ExtensionLookupBench {
    private ExtensionIndex<String> index;
    private List<ExtensionPattern> sorted;
    private final String[] literalHits = new String[8];
    private final String[] patternHits = {"6123456", "7155123", "2125551212", "912125551212", "011441234567",
        "*21", "SKYPE-vuc.me", "18005551212"};
    private final String[] misses = {"#", "#a12", "-", "A", "ZZZ", "!", "~99", "#*"};
    private final String[] partial = {"612", "71", "212555", "9", "0114", "*", "SKY", "1800"};
    private int i;

    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 9000; i++) names.add(Integer.toString(10000 + i * 7));          // 5-digit stations
        for (int i = 0; i < 500; i++) names.add("+4420" + (7946000 + i * 13));             // DIDs
        for (int i = 0; i < 300; i++) names.add("_6" + String.format("%03d", i) + "XXX");  // site prefixes
        for (int i = 0; i < 150; i++) names.add("_7" + String.format("%02d", i % 100) + (i < 100 ? "[1-5]X." : "NXX!"));
        String[] common = {"_NXXNXXXXXX", "_1NXXNXXXXXX", "_011.", "_9011.", "_911", "_9911", "_*XX", "_*X.",
            "_[2-4]XXX", "_8[2-5]XX", "_0X.", "_00X.", "_+X.", "_+44X.", "_N11", "_1800NXXXXXX", "_1888NXXXXXX",
            "_#X.", "_**X.", "_[a-z]X.", "_SKYPE-.", "_sip-.", "_X[0-4]XX", "_ZZZZ", "_NNNN", "_5[0-3]XXX",
            "_5[4-9]XXX", "_3XXX", "_3[0-5]X", "_40XX", "_41XX", "_42XX", "_43XX", "_44XX", "_45XX", "_46XX",
            "_47XX", "_48XX", "_49XX", "_2XXX.", "_2XX!", "_1[2-9]XX", "_1[2-9]XX.", "_0[1-9]XXXXXXXX",
            "_00[1-9].", "_9NXXNXXXXXX", "_91NXXNXXXXXX", "_9011X.", "_[13579]X.", "_[02468]X."};
        Collections.addAll(names, common);
        return names;
    }

    @Setup(Level.Trial)
    public void setup() {
        index = new ExtensionIndex<>();
        List<ExtensionPattern> all = new ArrayList<>();
        for (String n : names()) {
            ExtensionPattern p = ExtensionPattern.parse(n);
            index.add(p, n);
            all.add(p);
        }
        if (index.size() != 10_000) throw new IllegalStateException("context has " + index.size() + " extensions");
        Collections.sort(all);
        sorted = all;
        for (int k = 0; k < 8; k++) literalHits[k] = Integer.toString(10000 + (k * 1013 % 9000) * 7);
        for (String s : literalHits) check(s, true);
        for (String s : patternHits) check(s, true);
        for (String s : misses) check(s, false);
    }

    private void check(String s, boolean hit) {
        if ((index.findBest(s) != null) != hit) throw new IllegalStateException(s + " should " + (hit ? "" : "not ") + "match");
    }

    @Benchmark
    public String literalHit() {
        return index.findBest(literalHits[i++ & 7]);
    }

    @Benchmark
    public String patternHit() {
        return index.findBest(patternHits[i++ & 7]);
    }

    @Benchmark
    public String miss() {
        return index.findBest(misses[i++ & 7]);
    }

    @Benchmark
    public boolean matchMore() {
        return index.matchMore(partial[i++ & 7]);
    }

    /** What the index replaces: walk the ext_cmp-sorted list and take the first match. */
    @Benchmark
    public ExtensionPattern patternHitListWalk() {
        String x = patternHits[i++ & 7];
        for (ExtensionPattern p : sorted) if (p.matches(x)) return p;
        return null;
    }
}
