package org.switchboard.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code conformance/patterns.tsv}: Asterisk's documented and source-level behaviour of
 * extension patterns, their ordering and the extension the default engine picks. Each row names
 * its source (docs.asterisk.org Pattern-Matching, main/pbx.c, tests/test_pbx.c).
 */
class ExtensionPatternConformanceTest {

    record Row(int line, String kind, String patterns, String exten, String expected, String source) {
        @Override
        public String toString() {
            return "line " + line + ": " + kind + " " + patterns + " " + exten + " -> " + expected + " (" + source + ")";
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = ExtensionPatternConformanceTest.class.getResourceAsStream("/conformance/patterns.tsv")) {
            assertThat(in).as("conformance/patterns.tsv on the test classpath").isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                assertThat(f).as("line %d has 5 tab-separated columns: %s", no, line).hasSize(5);
                rows.add(new Row(no, f[0], f[1], f[2], f[3], f[4]));
            }
        }
        return rows;
    }

    @Test
    void tableHasAtLeast150Rows() throws IOException {
        assertThat(rows()).hasSizeGreaterThanOrEqualTo(150);
    }

    @Test
    void everyRowCitesASource() throws IOException {
        for (Row r : rows()) assertThat(r.source()).as(r.toString()).isNotBlank();
    }

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException {
        return rows().stream().map(r -> DynamicTest.dynamicTest(r.toString(), () -> check(r)));
    }

    private static String unquote(String s) {
        return s.equals("\"\"") ? "" : s;
    }

    private static List<String> list(String s) {
        List<String> out = new ArrayList<>();
        for (String p : s.split(",", -1)) out.add(unquote(p));
        return out;
    }

    private static ExtensionIndex<String> index(List<String> names) {
        ExtensionIndex<String> idx = new ExtensionIndex<>();
        for (String n : names) idx.add(ExtensionPattern.parse(n), n);
        return idx;
    }

    private static boolean anyTwoEqual(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (ExtensionPattern.parse(names.get(i)).compareTo(ExtensionPattern.parse(names.get(j))) == 0) return true;
            }
        }
        return false;
    }

    private static void check(Row r) {
        String exten = unquote(r.exten());
        switch (r.kind()) {
            case "match" -> {
                boolean want = Boolean.parseBoolean(r.expected());
                ExtensionPattern p = ExtensionPattern.parse(unquote(r.patterns()));
                assertThat(p.matches(exten)).as(r.toString()).isEqualTo(want);
                assertThat(index(List.of(p.text())).findBest(exten) != null).as("index: " + r).isEqualTo(want);
                if (want) assertThat(p.canMatch(exten) || exten.startsWith("_")).as("a match can match: " + r).isTrue();
            }
            case "canmatch" -> {
                boolean want = Boolean.parseBoolean(r.expected());
                ExtensionPattern p = ExtensionPattern.parse(unquote(r.patterns()));
                assertThat(p.canMatch(exten)).as(r.toString()).isEqualTo(want);
                assertThat(index(List.of(p.text())).canMatch(exten)).as("index: " + r).isEqualTo(want);
            }
            case "matchmore" -> {
                boolean want = Boolean.parseBoolean(r.expected());
                ExtensionPattern p = ExtensionPattern.parse(unquote(r.patterns()));
                assertThat(p.matchMore(exten)).as(r.toString()).isEqualTo(want);
                assertThat(index(List.of(p.text())).matchMore(exten)).as("index: " + r).isEqualTo(want);
            }
            case "order" -> {
                List<String> in = list(r.patterns());
                List<String> want = list(r.expected());
                List<ExtensionPattern> parsed = new ArrayList<>(in.stream().map(ExtensionPattern::parse).toList());
                Collections.sort(parsed);
                assertThat(parsed.stream().map(ExtensionPattern::text).toList()).as(r.toString()).isEqualTo(want);
                assertThat(index(in).orderedPatterns().stream().map(ExtensionPattern::text).toList())
                        .as("index: " + r).isEqualTo(want);
                List<String> reversed = new ArrayList<>(in);
                Collections.reverse(reversed);
                assertThat(index(reversed).orderedPatterns().stream().map(ExtensionPattern::text).toList())
                        .as("index, added in reverse: " + r).isEqualTo(want);
            }
            case "same" -> {
                List<String> in = list(r.patterns());
                assertThat(in).hasSize(2);
                ExtensionPattern a = ExtensionPattern.parse(in.get(0)), b = ExtensionPattern.parse(in.get(1));
                boolean want = Boolean.parseBoolean(r.expected());
                assertThat(a.compareTo(b) == 0).as(r.toString()).isEqualTo(want);
                assertThat(Integer.signum(a.compareTo(b))).as("antisymmetric: " + r).isEqualTo(-Integer.signum(b.compareTo(a)));
            }
            case "best" -> {
                List<String> in = list(r.patterns());
                String want = r.expected().equals("none") ? null : unquote(r.expected());
                assertThat(index(in).findBest(exten)).as(r.toString()).isEqualTo(want);
                // the brute-force definition: first match in the stable ext_cmp sort
                List<ExtensionPattern> sorted = new ArrayList<>(in.stream().map(ExtensionPattern::parse).toList());
                Collections.sort(sorted);
                String brute = sorted.stream().filter(p -> p.matches(exten)).map(ExtensionPattern::text).findFirst().orElse(null);
                assertThat(brute).as("brute force: " + r).isEqualTo(want);
                if (!anyTwoEqual(in)) {
                    List<String> reversed = new ArrayList<>(in);
                    Collections.reverse(reversed);
                    assertThat(index(reversed).findBest(exten)).as("added in reverse: " + r).isEqualTo(want);
                }
            }
            case "imatchmore" -> assertThat(index(list(r.patterns())).matchMore(exten)).as(r.toString())
                    .isEqualTo(Boolean.parseBoolean(r.expected()));
            case "icanmatch" -> assertThat(index(list(r.patterns())).canMatch(exten)).as(r.toString())
                    .isEqualTo(Boolean.parseBoolean(r.expected()));
            case "malformed" -> {
                String text = unquote(r.patterns());
                assertThat(r.expected()).isEqualTo("error");
                assertThatThrownBy(() -> ExtensionPattern.parse(text)).as(r.toString())
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(text);
            }
            default -> throw new AssertionError("unknown kind in " + r + "; kinds: "
                    + Arrays.asList("match", "canmatch", "matchmore", "order", "same", "best", "imatchmore", "icanmatch", "malformed"));
        }
    }
}
