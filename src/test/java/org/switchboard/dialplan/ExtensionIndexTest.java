package org.switchboard.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index against the definition it must reproduce: Asterisk's old engine keeps the context's
 * extensions in a list sorted by ext_cmp and takes the first that matches (main/pbx.c
 * pbx_find_extension). The brute-force model below is that walk, over random patterns and texts.
 */
class ExtensionIndexTest {

    /** One added extension as the model sees it. */
    private record Added(ExtensionPattern pattern, int value) {}

    /** Asterisk's list walk over a stable ext_cmp sort. */
    private static final class Model {
        final List<Added> sorted = new ArrayList<>();

        void add(ExtensionPattern p, int v) {
            sorted.add(new Added(p, v));
            sorted.sort(Comparator.comparing(Added::pattern));   // List.sort is stable: equal names keep add order
        }

        Integer findBest(String x, Predicate<Integer> ok) {
            for (Added a : sorted) if (a.pattern.code(x, ExtensionPattern.MATCH) != 0 && ok.test(a.value)) return a.value;
            return null;
        }

        List<Integer> allMatches(String x) {
            List<Integer> out = new ArrayList<>();
            for (Added a : sorted) if (a.pattern.code(x, ExtensionPattern.MATCH) != 0) out.add(a.value);
            return out;
        }

        boolean canMatch(String x, Predicate<Integer> ok) {
            for (Added a : sorted) if (a.pattern.code(x, ExtensionPattern.CANMATCH) != 0 && ok.test(a.value)) return true;
            return false;
        }

        Boolean matchMore(String x, Predicate<Integer> ok) {
            for (Added a : sorted) {
                int c = a.pattern.code(x, ExtensionPattern.MATCHMORE);
                if (c != 0 && ok.test(a.value)) return c == 1;   // a '!' (2) decides: no
            }
            return null;
        }
    }

    private static final String[] PIECES = {
        "0", "1", "2", "3", "5", "9", "1", "2", "X", "X", "N", "Z", "x", "n",
        "[1-3]", "[13]", "[12]", "[0-4]", "[4-8]", "[a-c]", "[3-17]", "[5-90-4]", "-", "a", "s", "*",
    };
    private static final String[] RARE = {"[]", "[9-0]", " "};

    private static String randomName(Random r) {
        if (r.nextInt(3) == 0) {   // literal
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                int k = r.nextInt(14);
                sb.append(k < 10 ? (char) ('0' + (k % 4) + 1) : k == 10 ? '-' : k == 11 ? 'a' : k == 12 ? 's' : '0');
            }
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder("_");
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append(r.nextInt(25) == 0 ? RARE[r.nextInt(RARE.length)] : PIECES[r.nextInt(PIECES.length)]);
        }
        int w = r.nextInt(6);
        if (w == 0) sb.append('.');
        else if (w == 1) sb.append('!');
        if (w <= 1 && r.nextInt(4) == 0) sb.append(PIECES[r.nextInt(PIECES.length)]);   // ignored by matching, counts for order
        return sb.toString();
    }

    private static String randomText(Random r, List<ExtensionPattern> names) {
        int k = r.nextInt(20);
        if (k == 0 && !names.isEmpty()) return names.get(r.nextInt(names.size())).text();   // sometimes a name itself ("_X.")
        if (k == 1) return "";
        StringBuilder sb = new StringBuilder();
        if (k == 2) sb.append('_');
        int n = r.nextInt(7);
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(16);
            sb.append(c < 10 ? (char) ('0' + c) : c == 10 ? '-' : c == 11 ? 'a' : c == 12 ? 's' : c == 13 ? '*' : c == 14 ? 'b' : '.');
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void agreesWithTheSortedListWalk(long seed) {
        Random r = new Random(seed);
        for (int round = 0; round < 40; round++) {
            ExtensionIndex<Integer> idx = new ExtensionIndex<>();
            Model model = new Model();
            List<ExtensionPattern> names = new ArrayList<>();
            int n = 1 + r.nextInt(round < 20 ? 12 : 80);
            for (int i = 0; i < n; i++) {
                ExtensionPattern p = ExtensionPattern.parse(randomName(r));
                names.add(p);
                idx.add(p, i);
                model.add(p, i);
            }
            int mod = 2 + r.nextInt(3);
            Predicate<Integer> some = v -> v % mod != 0;
            Predicate<Integer> all = v -> true;

            assertThat(idx.orderedPatterns()).as("order, seed %d round %d", seed, round)
                    .containsExactlyElementsOf(model.sorted.stream().map(Added::pattern).toList());
            assertThat(idx.size()).isEqualTo(n);

            for (int q = 0; q < 150; q++) {
                String x = randomText(r, names);
                String ctx = "seed " + seed + " round " + round + " text '" + x + "' names " + names;
                assertThat(idx.findBest(x)).as("findBest " + ctx).isEqualTo(model.findBest(x, all));
                assertThat(idx.findBest(x, some)).as("findBest filtered " + ctx).isEqualTo(model.findBest(x, some));
                assertThat(idx.allMatches(x)).as("allMatches " + ctx).isEqualTo(model.allMatches(x));
                assertThat(idx.canMatch(x)).as("canMatch " + ctx).isEqualTo(model.canMatch(x, all));
                assertThat(idx.canMatch(x, some)).as("canMatch filtered " + ctx).isEqualTo(model.canMatch(x, some));
                assertThat(idx.matchMoreDecision(x, null)).as("matchMore " + ctx).isEqualTo(model.matchMore(x, all));
                assertThat(idx.matchMoreDecision(x, some)).as("matchMore filtered " + ctx).isEqualTo(model.matchMore(x, some));
                assertThat(idx.matchMore(x)).isEqualTo(Boolean.TRUE.equals(model.matchMore(x, all)));
            }
        }
    }

    @Test
    void aliasesKeepTheOrderTheyWereAddedIn() {
        ExtensionIndex<String> idx = new ExtensionIndex<>();
        idx.add(ExtensionPattern.parse("_x."), "first");
        idx.add(ExtensionPattern.parse("_X."), "second");
        idx.add(ExtensionPattern.parse("555-1212"), "dashed");
        idx.add(ExtensionPattern.parse("5551212"), "plain");
        assertThat(idx.findBest("123")).isEqualTo("first");
        assertThat(idx.allMatches("123")).containsExactly("first", "second");
        assertThat(idx.findBest("5551212")).isEqualTo("dashed");
        assertThat(idx.allMatches("555-12-12")).containsExactly("dashed", "plain", "first", "second");
        assertThat(idx.findBest("123", v -> !v.equals("first"))).isEqualTo("second");
    }

    @Test
    void earlyMatchDecisionIsThreeWay() {
        ExtensionIndex<String> idx = new ExtensionIndex<>();
        idx.add(ExtensionPattern.parse("_9!"), "bang");
        idx.add(ExtensionPattern.parse("_9XX"), "three");
        assertThat(idx.matchMoreDecision("9", null)).isTrue();        // _9XX sorts first and wants more
        assertThat(idx.matchMoreDecision("912", null)).isFalse();     // _9XX exact, then _9! decides: stop
        assertThat(idx.matchMoreDecision("8", null)).isNull();        // nothing here: look in includes
        assertThat(idx.matchMoreDecision("912", v -> !v.equals("bang"))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"_1[23", "_[", "_X[0-9", "_NXX[2-", "100/200", "_X./_1XX", "s/_1XX"})
    void malformedNamesAreRefusedWithTheTextInTheMessage(String text) {
        assertThatThrownBy(() -> ExtensionPattern.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @Test
    void unclosedSetMessageSaysWhere() {
        assertThatThrownBy(() -> ExtensionPattern.parse("_1[23"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'['")
                .hasMessageContaining("']'");
    }

    @Test
    void nameAndKindAreKept() {
        ExtensionPattern p = ExtensionPattern.parse("_SKYPE-.");
        assertThat(p.text()).isEqualTo("_SKYPE-.");
        assertThat(p.isPattern()).isTrue();
        assertThat(ExtensionPattern.parse("555-1212").isPattern()).isFalse();
        assertThat(ExtensionPattern.parse("s").toString()).isEqualTo("s");
        assertThat(ExtensionPattern.parse("_X.")).isEqualTo(ExtensionPattern.parse("_X.")).isNotEqualTo(ExtensionPattern.parse("_x."));
    }

    /** A context shaped like a large PBX: 9,500 literal extensions and 500 patterns. */
    static ExtensionIndex<String> bigContext() {
        ExtensionIndex<String> idx = new ExtensionIndex<>();
        List<String> names = bigContextNames();
        for (String n : names) idx.add(ExtensionPattern.parse(n), n);
        return idx;
    }

    static List<String> bigContextNames() {
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
        for (String c : common) names.add(c);
        return names;
    }

    @Test
    void bigContextLookupsAreRight() {
        ExtensionIndex<String> idx = bigContext();
        assertThat(idx.size()).isEqualTo(9000 + 500 + 300 + 150 + 50);
        assertThat(idx.findBest("10007")).isEqualTo("10007");                  // literal beats _[13579]X.
        assertThat(idx.findBest("+44207946013")).isEqualTo("+44207946013");
        assertThat(idx.findBest("6123456")).isEqualTo("_6123XXX");              // literal 6 beats [02468]
        assertThat(idx.findBest("7155123")).isEqualTo("_715[1-5]X.");          // [1-5] narrower than N
        assertThat(idx.findBest("715699")).isEqualTo("_715NXX!");              // 6 is not in [1-5]
        assertThat(idx.findBest("2125551212")).isEqualTo("_2XXX.");             // literal 2 beats N
        assertThat(idx.findBest("912125551212")).isEqualTo("_91NXXNXXXXXX");
        assertThat(idx.findBest("#")).isNull();
        assertThat(idx.findBest("SKYPE-vuc.me")).isEqualTo("_SKYPE-.");

        // against the list walk over the same names
        Model model = new Model();
        List<String> names = bigContextNames();
        ExtensionIndex<Integer> byNo = new ExtensionIndex<>();
        for (int i = 0; i < names.size(); i++) {
            ExtensionPattern p = ExtensionPattern.parse(names.get(i));
            byNo.add(p, i);
            model.sorted.add(new Added(p, i));
        }
        model.sorted.sort(Comparator.comparing(Added::pattern));
        Random r = new Random(42);
        for (int q = 0; q < 3000; q++) {
            String x = q % 3 == 0 ? names.get(r.nextInt(names.size())).replace("_", "").replace("X", "7").replace("N", "5")
                    : Long.toString(Math.abs(r.nextLong()) % (long) Math.pow(10, 1 + r.nextInt(12)));
            assertThat(byNo.findBest(x)).as(x).isEqualTo(model.findBest(x, v -> true));
            assertThat(byNo.matchMoreDecision(x, null)).as(x).isEqualTo(model.matchMore(x, v -> true));
            assertThat(byNo.canMatch(x)).as(x).isEqualTo(model.canMatch(x, v -> true));
        }
    }

    @Test
    void lookupsDoNotAllocate() {
        ExtensionIndex<String> idx = bigContext();
        String[] texts = {"10007", "6123456", "2125551212", "#", "7155123", "+44207946013", "555", "911"};
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < 200_000; i++) {   // warm up so the JIT has compiled the lookups
            String x = texts[i & 7];
            if (idx.findBest(x) != null) sink++;
            if (idx.matchMore(x)) sink++;
            if (idx.canMatch(x)) sink++;
        }
        long tid = Thread.currentThread().threadId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 300_000; i++) {
            String x = texts[i & 7];
            if (idx.findBest(x) != null) sink++;
            if (idx.matchMore(x)) sink++;
            if (idx.canMatch(x)) sink++;
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(sink).isPositive();
        assertThat(allocated).as("bytes allocated by 900,000 lookups").isLessThan(100_000);
    }
}
