package org.switchboard.res.cdr.pgsql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.res.cdr.CdrDisposition;
import org.switchboard.res.cdr.CdrRecord;
import org.switchboard.res.pgsql.PgsqlColumn;
import org.switchboard.res.pgsql.PgsqlRow;
import org.switchboard.res.pgsql.PgsqlSpool;

/** The on-disk spool of cdr_pgsql and the row a record becomes. */
class PgsqlSpoolTest {
    @TempDir Path dir;

    private static CdrRecord record(String userfield, Map<String, String> vars) {
        return new CdrRecord("", "100", "s", "in", "\"A\tB\" <100>", "SIP/a-1", "", "Hangup", "line1\nline2=%x",
                1_709_557_878_250_000L, 0, 1_709_557_880_000_000L, 1, 0, CdrDisposition.NO_ANSWER, 3, userfield,
                "1709557878.7", "1709557878.7", "", 4, vars, false);
    }

    @Test
    void everyFieldAndVariableSurvivesTheRoundTripTabsNewlinesAndAll() throws Exception {
        PgsqlSpool<CdrRecord> spool = new PgsqlSpool<>(dir, CdrPgsqlRecords.INSTANCE);
        CdrRecord a = record("u=1%", Map.of("rate", "0.02", "odd=key", "tab\there"));
        CdrRecord b = record("", Map.of());
        spool.append(List.of(new PgsqlSpool.Entry<>(a, false), new PgsqlSpool.Entry<>(b, true)));
        assertThat(Files.readAllLines(spool.file())).hasSize(2);
        assertThat(spool.waiting()).isEqualTo(2);
        List<PgsqlSpool.Entry<CdrRecord>> back = spool.takeForReplay().entries();
        assertThat(back).containsExactly(new PgsqlSpool.Entry<>(a, false), new PgsqlSpool.Entry<>(b, true));
        assertThat(Files.exists(spool.file())).isFalse();
        assertThat(spool.takeForReplay().entries()).hasSize(2);   // not done yet: the same again
        spool.replayDone();
        assertThat(spool.hasWaiting()).isFalse();
    }

    @Test
    void aReplayBrokenOffResumesAfterTheBatchesItCommitted() throws Exception {
        PgsqlSpool<CdrRecord> spool = new PgsqlSpool<>(dir, CdrPgsqlRecords.INSTANCE);
        spool.append(List.of(new PgsqlSpool.Entry<>(record("a", Map.of()), false), new PgsqlSpool.Entry<>(record("b", Map.of()), false),
                new PgsqlSpool.Entry<>(record("c", Map.of()), false)));
        PgsqlSpool.Replay<CdrRecord> first = spool.takeForReplay();
        assertThat(first.done()).isZero();
        assertThat(first.resumed()).isFalse();
        spool.replayed(2);   // a batch of two committed, then the database went away
        PgsqlSpool.Replay<CdrRecord> again = spool.takeForReplay();
        assertThat(again.entries()).hasSize(3);
        assertThat(again.done()).isEqualTo(2);
        assertThat(again.resumed()).isTrue();
        spool.replayDone();
        spool.append(List.of(new PgsqlSpool.Entry<>(record("d", Map.of()), false)));
        assertThat(spool.takeForReplay().done()).as("a new replay starts from its first record").isZero();
    }

    @Test
    void aTornLastLineIsSkipped() throws Exception {
        PgsqlSpool<CdrRecord> spool = new PgsqlSpool<>(dir, CdrPgsqlRecords.INSTANCE);
        spool.append(List.of(new PgsqlSpool.Entry<>(record("", Map.of()), false)));
        Files.writeString(spool.file(), "cdr1\t0\tacme\t10", java.nio.file.StandardOpenOption.APPEND);
        assertThat(spool.takeForReplay().entries()).hasSize(1);
    }

    @Test
    void columnsAreFilledAsCdrPgsqlFillsThem() {
        List<PgsqlColumn> table = List.of(new PgsqlColumn("calldate", "timestamp", true, false),
                new PgsqlColumn("answer", "timestamptz", false, false), new PgsqlColumn("start", "int8", false, false),
                new PgsqlColumn("duration", "int4", true, false), new PgsqlColumn("billsec", "float8", false, false),
                new PgsqlColumn("disposition", "varchar", true, false), new PgsqlColumn("amaflags", "int4", true, false),
                new PgsqlColumn("dstchannel", "varchar", true, false), new PgsqlColumn("userfield", "varchar", false, true),
                new PgsqlColumn("rate", "float8", false, false), new PgsqlColumn("sequence", "int4", true, false));
        PgsqlRow row = CdrPgsqlRecords.INSTANCE.row(record("", Map.of("rate", "0.02")), table, ZoneOffset.UTC);
        // unset answer and empty userfield are left out; an empty NOT NULL column without default gets ''
        assertThat(row.columns()).containsExactly("calldate", "start", "duration", "billsec", "disposition", "amaflags",
                "dstchannel", "rate", "sequence");
        assertThat(row.values()).containsExactly("2024-03-04 13:11:18", 1_709_557_878L, 1L, 0.0, "NO ANSWER", 3L, "", 0.02, 4L);
        assertThat(row.sql("cdr")).isEqualTo("INSERT INTO cdr (\"calldate\", \"start\", \"duration\", \"billsec\", \"disposition\", "
                + "\"amaflags\", \"dstchannel\", \"rate\", \"sequence\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
}
