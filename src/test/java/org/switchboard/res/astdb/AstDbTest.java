package org.switchboard.res.astdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.res.cli.CliDispatcher;
import org.switchboard.testing.TestPbx;

/** AstDB from the dialplan and the console, on a real SQLite file, as an admin uses it. */
class AstDbTest {
    private static final String DIALPLAN = """
            [test]
            exten => set,1,Set(DB(cf/100)=200)
             same => n,Set(DB(cf/101)=300)
             same => n,Set(DB(dnd/100)=YES)
             same => n,Set(DB(cf/sub/deep)=x)
            exten => read,1,Verbose(1,@cf ${DB(cf/100)} result ${DB_RESULT})
             same => n,Verbose(1,@missing [${DB(cf/999)}] exists ${DB_EXISTS(cf/999)} ${DB_EXISTS(cf/101)} ${DB_RESULT})
             same => n,Verbose(1,@keys ${DB_KEYS(cf)} families ${DB_KEYS()})
             same => n,Verbose(1,@delete ${DB_DELETE(cf/101)} then [${DB(cf/101)}] ${DB_EXISTS(cf/101)})
             same => n,DBdeltree(cf)
             same => n,Verbose(1,@after [${DB(cf/100)}] [${DB(cf/sub/deep)}] ${DB(dnd/100)})
            exten => bad,1,Verbose(1,@nofamily [${DB(nofamily)}] slash [${DB(/)}])
             same => n,Set(DB(x/${LONG})=v)
             same => n,Verbose(1,@long [${DB(x/${LONG})}] exists ${DB_EXISTS(x/${LONG})})
             same => n,Set(DB(ok/after)=fine)
             same => n,Verbose(1,@ok ${DB(ok/after)})
            """;

    @TempDir Path dir;

    @Test
    void dialplanWritesReadsListsAndDeletesAndTheFileHasAsterisksSchema() throws Exception {
        try (TestPbx t = new TestPbx(dir)) {
            t.runDialplan(DIALPLAN, "Test/a", "test", "set");
            t.runDialplan(DIALPLAN, "Test/b", "test", "read");
            assertThat(t.path()).containsExactly(
                    "@cf 200 result 200",
                    "@missing [] exists 0 1 300",
                    "@keys 100,101,sub families cf,dnd",
                    "@delete 300 then [] 0",
                    "@after [] [] YES");
            assertThat(t.said("DBdeltree: family=cf")).hasSize(1);
        }
        Path file = dir.resolve("run").resolve("astdb.sqlite3");
        assertThat(sqlite(file, ".schema astdb")).contains("CREATE TABLE astdb(key VARCHAR(256), value VARCHAR(256), PRIMARY KEY(key))");
        assertThat(sqlite(file, "SELECT key || '=' || value FROM astdb ORDER BY key")).isEqualTo("/dnd/100=YES\n");
    }

    @Test
    void aDatabaseMadeByTheSqliteToolWithAsterisksSchemaIsReadAsItIs() throws Exception {
        Path db = dir.resolve("lib").resolve("astdb.sqlite3");
        Files.createDirectories(db.getParent());
        sqlite(db, "CREATE TABLE astdb(key VARCHAR(256), value VARCHAR(256), PRIMARY KEY(key));"
                + "INSERT INTO astdb VALUES('/CF/200','5551234');INSERT INTO astdb VALUES('/DND/200','YES');"
                + "INSERT INTO astdb VALUES('/AMPUSER/200/cidname','Alice Example');");
        Files.writeString(dir.resolve("asterisk.conf"), "[directories](!)\nastdbdir => lib\n");
        try (TestPbx t = new TestPbx(dir)) {
            Channel c = t.channel();
            assertThat(t.eval(c, "${DB(CF/200)}|${DB(AMPUSER/200/cidname)}|${DB_KEYS(AMPUSER/200)}")).isEqualTo("5551234|Alice Example|cidname");
            assertThat(cli(t, "database show AMPUSER")).isEqualTo(
                    String.format("%-50s: %-25s%n", "/AMPUSER/200/cidname", "Alice Example") + "1 results found.\n");
        }
    }

    @Test
    void badKeysGetAsterisksWarningsAndNothingIsWritten() {
        try (TestPbx t = new TestPbx(dir)) {
            t.pbx.globals().put("LONG", "k".repeat(300));
            t.runDialplan(DIALPLAN, "Test/c", "test", "bad");
            assertThat(t.path()).containsExactly("@nofamily [] slash []", "@long [] exists 0", "@ok fine");
            assertThat(t.logLines("DB requires an argument, DB(<family>/<key>)")).hasSize(1);
            assertThat(t.logLines("A database key needs a family and a key")).isNotEmpty();
            assertThat(t.logLines("Family and key length must be less than 253 bytes")).hasSizeGreaterThanOrEqualTo(1);
            assertThat(t.logLines("DB: Error writing value to database.")).hasSize(1);
            assertThat(cli(t, "database show x")).isEqualTo("0 results found.\n");
        }
    }

    @Test
    void consoleCommandsAnswerAsAsterisksDo() {
        try (TestPbx t = new TestPbx(dir)) {
            assertThat(cli(t, "database put cf 100 200")).isEqualTo("Updated database successfully\n");
            assertThat(cli(t, "database put cf 101 300")).isEqualTo("Updated database successfully\n");
            assertThat(cli(t, "database put dnd 100 YES")).isEqualTo("Updated database successfully\n");
            assertThat(cli(t, "database get cf 100")).isEqualTo("Value: 200\n");
            assertThat(cli(t, "database get cf 999")).isEqualTo("Database entry not found.\n");
            assertThat(cli(t, "database showkey 100")).isEqualTo(
                    String.format("%-50s: %-25s%n%-50s: %-25s%n", "/cf/100", "200", "/dnd/100", "YES") + "2 results found.\n");
            assertThat(cli(t, "database show cf 101")).isEqualTo(String.format("%-50s: %-25s%n", "/cf/101", "300") + "1 results found.\n");
            assertThat(cli(t, "database show")).endsWith("3 results found.\n");
            assertThat(cli(t, "database query \"SELECT count(*) AS n FROM astdb\"")).isEqualTo(String.format("%-5s: %-50s%n%n", "n", "3"));
            assertThat(cli(t, "database query \"SELECT nonsense FROM nowhere\"")).startsWith("Failed to run query: ");
            assertThat(cli(t, "database del cf 100")).isEqualTo("Database entry removed.\n");
            assertThat(cli(t, "database del cf 100")).isEqualTo("Database entry does not exist.\n");
            assertThat(cli(t, "database deltree cf")).isEqualTo("1 database entries removed.\n");
            assertThat(cli(t, "database deltree cf")).isEqualTo("Database entries do not exist.\n");
            assertThat(cli(t, "database put cf")).startsWith("Usage: database put <family> <key> <value>");
            // a value a stranger stored (via the dialplan, AMI, AGI) reaches the console escaped
            AstDb.of(t.pbx).put("evil", "k", "\u001b[2J\rforged line\u0000");
            assertThat(cli(t, "database get evil k")).isEqualTo("Value: \\e[2J\\rforged line\\0\n");
        }
    }

    @Test
    void aWriteSurvivesTheProcessDyingRightAfterIt() throws Exception {
        // a child JVM writes through the dialplan, then halts: no shutdown hook, no close (kill -9)
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf);
        Files.writeString(conf.resolve("extensions.conf"), "[test]\nexten => s,1,Set(DB(cf/100)=200)\n");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WriteThenDie.class.getName(), conf.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(9);
        assertThat(sqlite(conf.resolve("run").resolve("astdb.sqlite3"), "SELECT value FROM astdb WHERE key='/cf/100'"))
                .isEqualTo("200\n");
    }

    /** The child of {@link #aWriteSurvivesTheProcessDyingRightAfterIt}. */
    public static final class WriteThenDie {
        public static void main(String[] args) {
            TestPbx t = new TestPbx(Path.of(args[0]));
            Channel c = t.channel();
            c.setLocation("test", "s", 1);
            t.pbx.runPbx(c);
            Runtime.getRuntime().halt(9);
        }
    }

    private static String cli(TestPbx t, String line) {
        StringWriter sw = new StringWriter();
        new CliDispatcher(t.pbx).execute(line, new PrintWriter(sw));
        return sw.toString();
    }

    /** Runs Debian's sqlite3 tool, an independent reader and writer of the file. */
    private static String sqlite(Path db, String sql) throws Exception {
        Process p = new ProcessBuilder(List.of("sqlite3", db.toString(), sql)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
