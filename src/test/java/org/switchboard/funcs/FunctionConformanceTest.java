package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/**
 * Dialplan functions through the whole substitution path, row by row from
 * {@code conformance/functions.tsv}: {@code variables<TAB>text<TAB>expected<TAB>source}. Each row
 * gets a fresh PBX (so globals do not leak between rows) with {@link #DIALPLAN} loaded, and a
 * fresh channel in context {@code default}, extension {@code s}.
 */
class FunctionConformanceTest {
    static final String DIALPLAN = """
            [default]
            exten => s,1,NoOp(start)

            [phones]
            exten => 100,1,NoOp(alice)
             same => n(vm),Return(voicemail of ${EXTEN})
            exten => _2XX,1,Return(internal ${EXTEN})
            include => shared

            [shared]
            exten => 900,1,Return(shared)

            [call-types]
            exten => _1NNN,1,Return(internal)
            exten => _NXXNXXXXXX,1,Return(external)

            [udf]
            exten => where,1,Return(${CONTEXT}/${EXTEN}/${PRIORITY})
            exten => cidnum,1,Return(${CALLERID(num)})
            """;

    record Row(int line, String variables, String text, String expected, String source) {
        @Override
        public String toString() { return "functions.tsv:" + line + " " + text; }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = FunctionConformanceTest.class.getResourceAsStream("/conformance/functions.tsv")) {
            assertThat(in).as("conformance/functions.tsv on the test class path").isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                if (l.isBlank() || l.startsWith("#")) continue;
                String[] f = l.split("\t", -1);
                if (f.length != 4) throw new IllegalStateException("functions.tsv:" + (i + 1) + ": expected 4 columns, got " + f.length);
                rows.add(new Row(i + 1, f[0], f[1], f[2], f[3]));
            }
        }
        return rows;
    }

    static Stream<Arguments> table() throws IOException { return rows().stream().map(Arguments::of); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void functionRow(Row row) {
        try (TestPbx pbx = new TestPbx()) {
            assertThat(pbx.dialplan(DIALPLAN)).isEmpty();
            Channel chan = pbx.channel();
            if (!row.variables().equals("-")) {
                for (String assignment : row.variables().split(";")) {
                    int eq = assignment.indexOf('=');
                    pbx.pbx.vars().set(chan, assignment.substring(0, eq), assignment.substring(eq + 1));
                }
            }
            assertThat(pbx.eval(chan, row.text()))
                    .as("%s  [%s]  vars %s", row.text(), row.source(), row.variables())
                    .isEqualTo(row.expected());
        }
    }

    @Test
    void tableIsBigAndEveryRowCitesItsSource() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(120);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.source()).as(r.toString()).isNotBlank();
            assertThat(r.text()).as(r.toString()).contains("${");
            assertThat(r.variables().equals("-") || r.variables().contains("=")).as(r.toString()).isTrue();
        });
    }

    @Test
    void seedVoicemailStatusLineIsCovered() throws IOException {
        String seed = "${IF($[${ISNULL(${DIALSTATUS})} | \"${DIALSTATUS}\" = \"BUSY\"]?b:u)}";
        assertThat(rows()).filteredOn(r -> r.text().equals(seed))
                .extracting(r -> r.variables() + " -> " + r.expected())
                .contains("- -> b", "DIALSTATUS=BUSY -> b", "DIALSTATUS=NOANSWER -> u");
    }
}
