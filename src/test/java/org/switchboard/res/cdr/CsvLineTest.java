package org.switchboard.res.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** cdr_csv's line format, byte for byte (cdr/cdr_csv.c build_csv_record). */
class CsvLineTest {
    /** 2024-03-04 13:11:18.250 UTC, the answer 8 s and the end 120 s later. */
    private static final long START = 1_709_557_878_250_000L;

    static CdrRecord record(String clid, String lastData, long answer, String userfield) {
        return new CdrRecord("acme", "100", "200", "default", clid, "SIP/alice-00000000", "SIP/bob-00000001",
                "Dial", lastData, START, answer, START + 120_000_000L, 120, answer == 0 ? 0 : 112,
                answer == 0 ? CdrDisposition.NO_ANSWER : CdrDisposition.ANSWERED, 3, userfield, "1709557878.2",
                "1709557878.2", "bob-acct", 12, Map.of(), false);
    }

    @Test
    void quotesTextAndDatesDoublesQuotesAndLeavesNumbersBare() {
        CdrRecord r = record("\"Alice\" <100>", "SIP/bob,,Tt", START + 8_000_000L, "");
        assertThat(CsvLine.of(r, true, false, false, false)).isEqualTo(
                "\"acme\",\"100\",\"200\",\"default\",\"\"\"Alice\"\" <100>\",\"SIP/alice-00000000\",\"SIP/bob-00000001\","
                        + "\"Dial\",\"SIP/bob,,Tt\",\"2024-03-04 13:11:18\",\"2024-03-04 13:11:26\",\"2024-03-04 13:13:18\","
                        + "120,112,\"ANSWERED\",\"DOCUMENTATION\"\n");
    }

    @Test
    void anUnsetAnswerTimeIsAnEmptyFieldWithoutQuotes() {
        assertThat(CsvLine.of(record("", "", 0, ""), true, false, false, false))
                .contains(",\"2024-03-04 13:11:18\",,\"2024-03-04 13:13:18\",120,0,\"NO ANSWER\",");
    }

    @Test
    void optionalColumnsComeInTheirOrder() {
        assertThat(CsvLine.of(record("", "", 0, "vip;x"), true, true, true, true))
                .endsWith(",\"NO ANSWER\",\"DOCUMENTATION\",\"1709557878.2\",\"vip;x\",\"bob-acct\",\"1709557878.2\",12\n");
    }

    @Test
    void aLineThatDoesNotFitAsteriskBufferIsDropped() {
        String big = "x".repeat(1000);
        assertThat(CsvLine.of(record("", "", 0, big), true, false, true, false)).isNull();
        assertThat(CsvLine.of(record("", "", 0, big), true, false, false, false)).isNotNull();
    }

    @Test
    void recordsCutTextFieldsToAsterisksSizes() {
        assertThat(CdrRecord.fit("y".repeat(100), 80)).hasSize(79);
        assertThat(CdrRecord.fit("é".repeat(50), 80).getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(78);
        assertThat(ActiveCdr.callerIdText("Bob \"B\" \\", "200")).isEqualTo("\"Bob \\\"B\\\" \\\\\" <200>");
        assertThat(ActiveCdr.callerIdText("", "")).isEqualTo("\"\" <>");
    }
}
