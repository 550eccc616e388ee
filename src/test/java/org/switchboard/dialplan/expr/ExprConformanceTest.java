package org.switchboard.dialplan.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs src/test/resources/conformance/expressions.tsv: every row is an expression, the value
 * Asterisk gives for it, where that expectation comes from, and the warning Asterisk logs.
 */
class ExprConformanceTest {
    private static final String TABLE = "/conformance/expressions.tsv";

    record Row(int line, String expression, String expected, String source, String warning) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = ExprConformanceTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as("resource " + TABLE).isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] cols = line.split("\t", -1);
                assertThat(cols.length).as("columns on line " + n).isBetween(3, 4);
                assertThat(cols[2]).as("source on line " + n).isNotBlank();
                rows.add(new Row(n, decode(cols[0]), decode(cols[1]), cols[2], cols.length > 3 ? cols[3] : ""));
            }
        }
        return rows;
    }

    static String decode(String cell) {
        return cell.equals("{EMPTY}") ? "" : cell.replace("{TAB}", "\t").replace("{LF}", "\n");
    }

    @Test
    void tableHasAtLeast300Rows() throws IOException {
        assertThat(rows()).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void everyRowNamesItsSource() throws IOException {
        for (Row row : rows()) {
            assertThat(row.source())
                    .as("line %d", row.line())
                    .matches("(asterisk .+|behaviour: .+)");
        }
    }

    @TestFactory
    Stream<DynamicTest> expressions() throws IOException {
        return rows().stream().map(row -> DynamicTest.dynamicTest(
                "line " + row.line() + ": $[" + row.expression().replace("\n", "\\n") + "]",
                () -> check(row)));
    }

    private static void check(Row row) {
        ExprResult result = ExpressionEvaluator.evaluate(row.expression());
        assertThat(result.value())
                .as("$[%s] (line %d, %s)", row.expression(), row.line(), row.source())
                .isEqualTo(row.expected());
        String w = row.warning();
        if (w.equals("-")) {
            assertThat(result.warnings()).as("warnings of $[%s] (line %d)", row.expression(), row.line()).isEmpty();
        } else if (!w.isEmpty()) {
            assertThat(String.join("\n", result.warnings()))
                    .as("warnings of $[%s] (line %d)", row.expression(), row.line())
                    .contains(w);
        }
    }
}
