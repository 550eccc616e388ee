package org.switchboard.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/**
 * Runs {@code conformance/substitution.tsv}: what Asterisk 20 substitutes for dialplan text, with
 * variables, offsets, nesting, expressions and the func_strings / func_cut / func_sprintf
 * functions. Each row sets its variables on a fresh channel of a PBX with every module loaded
 * and cites where its expected value comes from.
 */
class SubstitutionConformanceTest {

    record Row(int line, String variables, String text, String expected, String source) {
        @Override
        public String toString() {
            return "line " + line + ": [" + variables + "] " + text + " -> '" + expected + "' (" + source + ")";
        }
    }

    private static TestPbx pbx;

    @BeforeAll
    static void start() { pbx = new TestPbx(); }

    @AfterAll
    static void stop() { pbx.close(); }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = SubstitutionConformanceTest.class.getResourceAsStream("/conformance/substitution.tsv")) {
            assertThat(in).as("conformance/substitution.tsv on the test classpath").isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                assertThat(f).as("line %d has 4 tab-separated columns: %s", no, line).hasSize(4);
                rows.add(new Row(no, f[0], f[1], f[2], f[3]));
            }
        }
        return rows;
    }

    @Test
    void tableHasAtLeast200Rows() throws IOException {
        assertThat(rows()).hasSizeGreaterThanOrEqualTo(200);
    }

    @Test
    void everyRowCitesASource() throws IOException {
        for (Row r : rows()) assertThat(r.source()).as(r.toString()).isNotBlank();
    }

    @Test
    void theTableCoversEveryStringFunction() throws IOException {
        String all = String.join("\n", rows().stream().map(Row::text).toList());
        for (String f : List.of("FILTER", "LEN", "CUT", "REPLACE", "STRREPLACE", "TOUPPER", "TOLOWER", "REGEX", "QUOTE",
                "CSV_QUOTE", "FIELDQTY", "FIELDNUM", "LISTFILTER", "SHIFT", "POP", "STRBETWEEN", "EVAL", "STRFTIME",
                "STRPTIME", "KEYPADHASH", "PASSTHRU", "SPRINTF", "TRIM", "LTRIM", "RTRIM", "HASH", "HASHKEYS", "SORT")) {
            assertThat(all).as("a row uses " + f).contains("${" + f + "(");
        }
    }

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException {
        return rows().stream().map(r -> DynamicTest.dynamicTest(r.toString(), () -> check(r)));
    }

    private static void check(Row r) {
        Channel c = pbx.channel();
        try {
            if (!r.variables().equals("-")) {
                for (String assignment : splitAssignments(r.variables())) {
                    int eq = assignment.indexOf('=');
                    assertThat(eq).as("variable assignment NAME=value in " + r).isPositive();
                    String name = assignment.substring(0, eq);
                    String value = unescape(assignment.substring(eq + 1));
                    switch (name) {
                        case "EXTEN" -> c.setLocation(null, value, c.priority());
                        case "CONTEXT" -> c.setLocation(value, null, c.priority());
                        case "PRIORITY" -> c.setLocation(null, null, Integer.parseInt(value));
                        default -> c.setVar(name, value);
                    }
                }
            }
            assertThat(pbx.eval(c, r.text())).as(r.toString()).isEqualTo(r.expected());
        } finally {
            c.hangup();
        }
    }

    /** Assignments are separated by ';' (write \; for a semicolon in a value). */
    private static List<String> splitAssignments(String vars) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < vars.length(); i++) {
            char ch = vars.charAt(i);
            if (ch == '\\' && i + 1 < vars.length()) {
                cur.append(ch).append(vars.charAt(++i));
            } else if (ch == ';') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** In the variables column only: \; \t \n \\ stand for a semicolon, tab, newline and backslash. */
    private static String unescape(String v) {
        if (v.indexOf('\\') < 0) return v;
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    default -> n;
                });
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
