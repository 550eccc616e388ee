package org.switchboard.res.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.res.cli.CliDispatcher;
import org.switchboard.testing.CdrDatabase;
import org.switchboard.testing.PostgresServer;

/**
 * cdr_pgsql against a real PostgreSQL (Debian's, started by the test): the rows of the table
 * Asterisk's documentation creates, records kept on disk while the server is down and written once
 * when it is back, a refused password costing log lines but no call time and no record.
 */
class PgsqlCdrTest {
    private static final String DB = "asteriskcdrdb";
    private static final String PASSWORD = "cdr-secret";
    private static PostgresServer server;

    private static final String DIALPLAN = """
            [callee]
            exten => answer,1,Answer()
             same => n,Wait(1.1)
             same => n,Hangup()
            [caller]
            exten => s,1,Set(CDR(userfield)=vip)
             same => n,Dial(Local/answer@callee,5)
            [quick]
            exten => s,1,Answer()
             same => n,Hangup()
            [refused]
            exten => s,1,Set(CDR(userfield)=refused-by-the-database)
             same => n,Answer()
             same => n,Hangup()
            """;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(PostgresServer.installed(), "PostgreSQL (Debian's postgresql package) is not installed");
        server = PostgresServer.start();
        CdrDatabase.create(server, DB, PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @BeforeEach
    void emptyTable() throws Exception { server.execute(DB, "TRUNCATE cdr"); }

    private static Map<String, String> files(String password) {
        return Map.of("cdr.conf", "[general]\n", "extensions.conf", DIALPLAN, "cdr_pgsql.conf", CdrDatabase.config(server, DB, password));
    }

    private static List<Map<String, Object>> rows(String order) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = server.connect(DB); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM cdr ORDER BY " + order)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                out.add(row);
            }
        }
        return out;
    }

    private static int count() throws Exception { return rows("sequence").size(); }

    private static void awaitRows(int n) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> count() >= n);
    }

    @Test
    void anAnsweredDialIsARowOfAsterisksTable() throws Exception {
        try (CdrTestPbx pbx = new CdrTestPbx(files(PASSWORD))) {
            Channel caller = pbx.call("caller");
            pbx.settle();
            awaitRows(2);
            Map<String, Object> row = rows("sequence").stream().filter(r -> caller.name().equals(r.get("channel")))
                    .findFirst().orElseThrow();
            assertThat(row).containsEntry("clid", "\"Alice\" <100>").containsEntry("src", "100").containsEntry("dst", "s")
                    .containsEntry("dcontext", "caller").containsEntry("lastapp", "Dial")
                    .containsEntry("lastdata", "Local/answer@callee,5").containsEntry("duration", 1)
                    .containsEntry("billsec", 1).containsEntry("disposition", "ANSWERED").containsEntry("amaflags", 3)
                    .containsEntry("accountcode", "").containsEntry("uniqueid", caller.uniqueId())
                    .containsEntry("userfield", "vip").containsEntry("linkedid", caller.uniqueId());
            assertThat((String) row.get("dstchannel")).matches("Local/answer@callee-[0-9a-f]{8};1");
            assertThat(row.get("calldate")).isNotNull();
            StringWriter sw = new StringWriter();
            new CliDispatcher(pbx.test.pbx).execute("cdr show pgsql status", new PrintWriter(sw));
            assertThat(sw.toString()).startsWith("Connected to " + DB + "@127.0.0.1, port " + server.port + " using table cdr for ")
                    .contains("  Wrote 2 records since last restart.");
        }
    }

    @Test
    void aServerThatGoesAwayCostsNoCallTimeAndEveryRecordArrivesOnceWhenItIsBack() throws Exception {
        try (CdrTestPbx pbx = new CdrTestPbx(files(PASSWORD))) {
            List<String> ids = new ArrayList<>();
            ids.add(pbx.call("quick").uniqueId());
            pbx.settle();
            awaitRows(1);
            server.stop();
            try {
                for (int i = 0; i < 5; i++) {
                    long t0 = System.nanoTime();
                    ids.add(pbx.call("quick").uniqueId());
                    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
                }
                pbx.settle();
                Awaitility.await().atMost(Duration.ofSeconds(10))
                        .until(() -> CdrTestPbx.read(pbx.logDir().resolve("cdr-pgsql/spool.txt")).size() == 5);
            } finally {
                server.startServer();
            }
            awaitRows(6);
            List<Map<String, Object>> rows = rows("sequence");
            assertThat(rows).extracting(r -> r.get("uniqueid")).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("disposition", "ANSWERED").containsEntry("lastapp", "Hangup"));
            assertThat(pbx.test.logLines("Wrote 5 call records kept while the database was away")).hasSize(1);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(pbx.logDir().resolve("cdr-pgsql/replay.txt")));
            ids.add(pbx.call("quick").uniqueId());   // and on it goes, straight in
            awaitRows(7);
            assertThat(count()).isEqualTo(7);
        }
    }

    @Test
    void stoppingTheServerWhileCallsEndLosesNoRecordAndDoublesNone() throws Exception {
        try (CdrTestPbx pbx = new CdrTestPbx(files(PASSWORD))) {
            List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                calls.add(Thread.ofVirtual().start(() -> ids.add(pbx.call("quick").uniqueId())));
                if (i == 10) server.stop();         // the database goes down with records on their way
                if (i == 20) server.startServer();  // and comes back while calls still end
                Thread.sleep(30);
            }
            for (Thread t : calls) t.join(10_000);
            pbx.settle();
            awaitRows(30);
            // the writer has nothing left on disk: what is in the table is all there will be
            java.nio.file.Path spooled = pbx.logDir().resolve("cdr-pgsql");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(spooled.resolve("spool.txt"))
                    && !Files.exists(spooled.resolve("replay.txt")));
            assertThat(rows("sequence")).extracting(r -> r.get("uniqueid")).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void aRecordTheDatabaseRefusesInABatchIsSetAsideAndTheRestOfTheBatchGoesIn() throws Exception {
        server.execute(DB, "ALTER TABLE cdr ADD CONSTRAINT no_refused CHECK (userfield <> 'refused-by-the-database')");
        try (CdrTestPbx pbx = new CdrTestPbx(files(PASSWORD))) {
            List<String> ids = new ArrayList<>();
            server.stop();   // the three wait on disk and go back as one batch (one transaction) when it returns
            boolean up = false;
            try {
                ids.add(pbx.call("quick").uniqueId());
                String refused = pbx.call("refused").uniqueId();
                ids.add(pbx.call("quick").uniqueId());
                pbx.settle();
                Awaitility.await().atMost(Duration.ofSeconds(10))
                        .until(() -> CdrTestPbx.read(pbx.logDir().resolve("cdr-pgsql/spool.txt")).size() == 3);
                server.startServer();
                up = true;
                awaitRows(2);
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !pbx.test.logLines("Failed to insert").isEmpty());
                assertThat(pbx.test.logLines("Failed to insert")).singleElement().asString().contains(refused).contains("no_refused");
                assertThat(pbx.test.logLines("Failed to insert").get(0)).endsWith("Kept in " + pbx.logDir().resolve("cdr-pgsql/rejected/spool.txt"));
                assertThat(CdrTestPbx.read(pbx.logDir().resolve("cdr-pgsql/rejected/spool.txt"))).hasSize(1);
            } finally {
                if (!up) server.startServer();
            }
            assertThat(rows("sequence")).extracting(r -> r.get("uniqueid")).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            server.execute(DB, "ALTER TABLE cdr DROP CONSTRAINT no_refused");
        }
    }

    @Test
    void aSlowDatabaseNeverSlowsACall() throws Exception {
        // every insert takes a second and a half on the server
        server.execute(DB, "CREATE FUNCTION slow_insert() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(1.5); RETURN NEW; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER slow_insert BEFORE INSERT ON cdr FOR EACH ROW EXECUTE FUNCTION slow_insert()");
        try (CdrTestPbx pbx = new CdrTestPbx(files(PASSWORD))) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                ids.add(pbx.call("quick").uniqueId());
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
            }
            pbx.settle();
            awaitRows(3);
            assertThat(rows("sequence")).extracting(r -> r.get("uniqueid")).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            server.execute(DB, "DROP TRIGGER slow_insert ON cdr", "DROP FUNCTION slow_insert()");
        }
    }

    @Test
    void recordsKeptWhileTheServerWasDownSurviveARestartOfThePbx() throws Exception {
        try (CdrTestPbx pbx = new CdrTestPbx(files(PASSWORD))) {
            java.nio.file.Path spool = pbx.logDir().resolve("cdr-pgsql/spool.txt");
            String id;
            server.stop();
            try {
                id = pbx.call("quick").uniqueId();
                pbx.settle();
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> CdrTestPbx.read(spool).size() == 1);
                pbx.stopPbx();   // the PBX stops with the database still away: the record stays on disk
            } finally {
                server.startServer();
            }
            assertThat(CdrTestPbx.read(spool)).hasSize(1);
            pbx.startPbx();
            awaitRows(1);
            assertThat(rows("sequence")).extracting(r -> r.get("uniqueid")).containsExactly(id);
        }
    }

    @Test
    void aRefusedPasswordIsALogLinePerRetryAndTheRecordsWaitForTheRightOne() throws Exception {
        try (CdrTestPbx pbx = new CdrTestPbx(files("wrong-password"))) {
            long t0 = System.nanoTime();
            String id = pbx.call("quick").uniqueId();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
            pbx.settle();
            String refused = "password authentication failed for user \"asterisk\"";
            // retries back off; each is one line, at most 5 in 10 s per server (PbxLog.limited, shared by all tests here)
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> pbx.test.logLines(refused).size() >= 2);
            assertThat(pbx.test.logLines(refused)).allMatch(l -> l.contains("Unable to connect to database server 127.0.0.1:"));
            assertThat(count()).isZero();
            Files.writeString(pbx.dir.resolve("cdr_pgsql.conf"), files(PASSWORD).get("cdr_pgsql.conf"));
            pbx.test.pbx.modules().reload("cdr_pgsql");
            awaitRows(1);
            assertThat(rows("sequence")).extracting(r -> r.get("uniqueid")).containsExactly(id);
        }
    }
}
