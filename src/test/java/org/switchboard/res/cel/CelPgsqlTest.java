package org.switchboard.res.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.testing.PostgresServer;
import org.switchboard.testing.TestPbx;

/**
 * cel_pgsql against a real PostgreSQL (Debian's, started by the test): a call's events as rows of
 * the table Asterisk's PostgreSQL CEL page creates, events kept on disk while the server is down
 * and written once when it is back, and a configuration it cannot use.
 */
class CelPgsqlTest {
    private static final String DB = "asteriskceldb";
    private static final String PASSWORD = "cel-secret";
    private static PostgresServer server;

    private static final String DIALPLAN = """
            [t]
            exten => s,1,Answer()
             same => n,CELGenUserEvent(MY_EVENT,hello world)
             same => n,Hangup()
            """;

    @TempDir Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(PostgresServer.installed(), "PostgreSQL (Debian's postgresql package) is not installed");
        server = PostgresServer.start();
        server.execute("postgres", "CREATE ROLE asterisk LOGIN PASSWORD '" + PASSWORD + "'", "CREATE DATABASE " + DB + " OWNER asterisk");
        // the table of Asterisk's PostgreSQL CEL backend page, plus the extra column of Asterisk 12+
        server.execute(DB, """
                CREATE TABLE cel (
                 id serial, eventtype varchar(30) NOT NULL, eventtime timestamp NOT NULL,
                 userdeftype varchar(255) NOT NULL, cid_name varchar(80) NOT NULL, cid_num varchar(80) NOT NULL,
                 cid_ani varchar(80) NOT NULL, cid_rdnis varchar(80) NOT NULL, cid_dnid varchar(80) NOT NULL,
                 exten varchar(80) NOT NULL, context varchar(80) NOT NULL, channame varchar(80) NOT NULL,
                 appname varchar(80) NOT NULL, appdata varchar(80) NOT NULL, amaflags int NOT NULL,
                 accountcode varchar(20) NOT NULL, peeraccount varchar(20) NOT NULL, uniqueid varchar(150) NOT NULL,
                 linkedid varchar(150) NOT NULL, userfield varchar(255) NOT NULL, peer varchar(80) NOT NULL,
                 extra varchar(512))""", "ALTER TABLE cel OWNER TO asterisk",
                "CREATE TABLE celnum (eventtype int NOT NULL, eventtime int8 NOT NULL, userdeftype varchar(255), uniqueid varchar(150))",
                "ALTER TABLE celnum OWNER TO asterisk");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @BeforeEach
    void emptyTables() throws Exception { server.execute(DB, "TRUNCATE cel", "TRUNCATE celnum"); }

    private TestPbx pbx(String celPgsqlConf) throws Exception {
        Files.writeString(dir.resolve("asterisk.conf"), "[directories]\nastlogdir => log\n");
        Files.writeString(dir.resolve("cel.conf"), "[general]\nenable=yes\nevents=ALL\n");
        Files.writeString(dir.resolve("cel_pgsql.conf"), celPgsqlConf);
        TestPbx t = new TestPbx(dir);
        assertThat(t.dialplan(DIALPLAN)).isEmpty();
        return t;
    }

    private static String conf(String table, String extra) {
        return """
                [global]
                hostname=127.0.0.1
                port=%d
                dbname=%s
                user=asterisk
                password=%s
                table=%s
                %s
                """.formatted(server.port, DB, PASSWORD, table, extra);
    }

    private static Channel call(TestPbx t) {
        Channel c = t.channel("Test/cel");
        c.callerId().setNumber("2025");
        c.callerId().setName("Alice");
        c.setLocation("t", "s", 1);
        t.pbx.runPbx(c);
        return c;
    }

    private static List<Map<String, Object>> rows(String table) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = server.connect(DB); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY eventtime, " + (table.equals("cel") ? "id" : "eventtype"))) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                out.add(row);
            }
        }
        return out;
    }

    private static List<Object> column(List<Map<String, Object>> rows, String name) { return rows.stream().map(r -> r.get(name)).toList(); }

    @Test
    void aCallsEventsAreRowsOfAsterisksTable() throws Exception {
        try (TestPbx t = pbx(conf("cel", "appname=switchboard"))) {
            Channel caller = call(t);
            await().atMost(Duration.ofSeconds(20)).until(() -> rows("cel").size() >= 6);
            List<Map<String, Object>> rows = rows("cel");
            assertThat(column(rows, "eventtype")).containsExactly("CHAN_START", "ANSWER", "MY_EVENT", "HANGUP", "CHAN_END", "LINKEDID_END");
            Map<String, Object> user = rows.get(2);
            assertThat(user).containsEntry("userdeftype", "MY_EVENT").containsEntry("cid_num", "2025").containsEntry("cid_name", "Alice")
                    .containsEntry("channame", caller.name()).containsEntry("uniqueid", caller.uniqueId())
                    .containsEntry("linkedid", caller.uniqueId()).containsEntry("context", "t").containsEntry("exten", "s")
                    .containsEntry("appname", "CELGenUserEvent").containsEntry("amaflags", 3).containsEntry("peer", "");
            assertThat((String) user.get("extra")).contains("hello world");
            assertThat(rows.get(0).get("eventtime")).isNotNull();
        }
    }

    @Test
    void numericColumnsGetAsterisksEventNumbersAndEpochSeconds() throws Exception {
        try (TestPbx t = pbx(conf("celnum", "show_user_defined=yes"))) {
            long before = System.currentTimeMillis() / 1000;
            Channel caller = call(t);
            await().atMost(Duration.ofSeconds(20)).until(() -> rows("celnum").size() >= 6);
            List<Map<String, Object>> rows = rows("celnum");
            // CHAN_START 1, ANSWER 4, USER_DEFINED 13, HANGUP 3, CHAN_END 2, LINKEDID_END 14 (Asterisk 12+'s numbers)
            assertThat(rows.stream().map(r -> r.get("eventtype")).sorted().toList()).containsExactly(1, 2, 3, 4, 13, 14);
            assertThat(rows).filteredOn(r -> Integer.valueOf(13).equals(r.get("eventtype"))).singleElement()
                    .satisfies(r -> assertThat(r).containsEntry("userdeftype", "MY_EVENT").containsEntry("uniqueid", caller.uniqueId()));
            assertThat(rows).allSatisfy(r -> assertThat((Long) r.get("eventtime")).isBetween(before, before + 60));
        }
    }

    @Test
    void eventsWaitOnDiskWhileTheServerIsDownAndArriveOnceWhenItIsBack() throws Exception {
        try (TestPbx t = pbx(conf("cel", ""))) {
            call(t);
            await().atMost(Duration.ofSeconds(20)).until(() -> rows("cel").size() == 6);
            server.stop();
            Path spool = dir.resolve("log/cel-pgsql/spool.txt");
            try {
                long t0 = System.nanoTime();
                call(t);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("a call never waits for the database").isLessThan(Duration.ofSeconds(2));
                await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(spool) && Files.readAllLines(spool).size() == 6);
            } finally {
                server.startServer();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> rows("cel").size() >= 12);
            await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(dir.resolve("log/cel-pgsql/replay.txt")));
            assertThat(rows("cel")).hasSize(12);
            assertThat(t.logLines("Wrote 6 CEL events kept while the database was away")).hasSize(1);
        }
    }

    @Test
    void aFileWithoutGlobalDeclinesAndABadTableNameFallsBackToCel() throws Exception {
        try (TestPbx t = pbx("[general]\nhostname=127.0.0.1\n")) {
            assertThat(t.logLines("Module 'cel_pgsql' declined to load: cel_pgsql configuration contains no global section")).hasSize(1);
        }
        try (TestPbx t = pbx(conf("cel-log", ""))) {
            assertThat(t.logLines("CEL table 'cel-log' is not a table name.  Assuming cel")).isNotEmpty();
            call(t);
            await().atMost(Duration.ofSeconds(20)).until(() -> rows("cel").size() == 6);
        }
    }
}
