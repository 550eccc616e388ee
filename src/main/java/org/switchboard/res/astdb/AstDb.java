package org.switchboard.res.astdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * The Asterisk database (main/db.c): family/key → value pairs in an SQLite file with Asterisk's
 * own schema, {@code astdb(key VARCHAR(256), value VARCHAR(256), PRIMARY KEY(key))}, keys stored
 * as {@code /family/key}, so an admin's existing {@code astdb.sqlite3} is read as it is.
 *
 * <p>Every statement runs on one platform thread of its own: callers (dialplan threads, Manager
 * sessions, the console) wait for it, network threads never touch it, and SQLite's native calls
 * never pin a virtual thread's carrier. Writes are durable when they return (WAL, synchronous=FULL):
 * a {@code kill -9} right after {@code Set(DB(cf/100)=200)} keeps the value.
 */
public final class AstDb implements AutoCloseable {
    /** Asterisk's MAX_DB_FIELD: "/family/key" and values fit in 256 bytes with the NUL. */
    static final int MAX_FULL_KEY = 253;

    /** One row: the full key ({@code /family/key}) and its value. */
    public record Entry(String key, String value) {}

    private final ExecutorService thread;
    private final Connection db;
    private final String where;

    private AstDb(String url, String where) throws SQLException {
        this.where = where;
        this.thread = Executors.newSingleThreadExecutor(org.switchboard.core.PbxLog.threadFactory(r -> {
            Thread t = new Thread(r, "astdb");   // writes to the log of the PBX that opens the store
            t.setDaemon(true);
            return t;
        }));
        this.db = call(() -> {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("CREATE TABLE IF NOT EXISTS astdb(key VARCHAR(256), value VARCHAR(256), PRIMARY KEY(key))");
            }
            return c;
        });
    }

    /** The store of this PBX, opened on first use (see {@link AstDbLocation} for where). */
    public static AstDb of(Pbx pbx) {
        return pbx.service(AstDb.class, AstDb::openFor);
    }

    private static AstDb openFor(Pbx pbx) {
        Path file = AstDbLocation.fileFor(pbx);
        try {
            if (file == null) {
                PbxLog.debug("db.c", "No configuration directory: the AstDB lives in memory");
                return new AstDb("jdbc:sqlite::memory:", "memory");
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new AstDb("jdbc:sqlite:" + file.toAbsolutePath(), file.toString());
        } catch (Exception e) {
            // Asterisk refuses to start without its database; we keep calls running on an empty one
            PbxLog.error("db.c", "Unable to open Asterisk database '" + file + "': " + e.getMessage()
                    + "; using an empty database in memory (nothing will be kept)");
            try {
                return new AstDb("jdbc:sqlite::memory:", "memory");
            } catch (SQLException again) {
                throw new IllegalStateException("SQLite is not usable: " + again.getMessage(), again);
            }
        }
    }

    /** Where the rows live: a file path, or {@code memory}. */
    public String location() { return where; }

    /** ast_db_get: the value, or null when absent or the key is not valid. */
    public String get(String family, String key) {
        String full = fullKey(family, key);
        if (full == null) return null;
        return call(() -> {
            try (PreparedStatement p = db.prepareStatement("SELECT value FROM astdb WHERE key=?")) {
                p.setString(1, full);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }

    /** ast_db_put: false (after Asterisk's warning) when the key is too long or the write failed. */
    public boolean put(String family, String key, String value) {
        String full = fullKey(family, key);
        if (full == null) return false;
        return update("INSERT OR REPLACE INTO astdb (key, value) VALUES (?, ?)", full, value == null ? "" : value) > 0;
    }

    /** ast_db_del: true when a row was removed. */
    public boolean del(String family, String key) {
        String full = fullKey(family, key);
        return full != null && update("DELETE FROM astdb WHERE key=?", full) > 0;
    }

    /**
     * ast_db_deltree: removes {@code /family[/keytree]} and everything under it; with a null
     * family, the whole database. Returns the number of rows removed (-1 on failure).
     */
    public int delTree(String family, String keytree) {
        String prefix = prefix(family, keytree);
        if (prefix.isEmpty()) return update("DELETE FROM astdb");
        return update("DELETE FROM astdb WHERE key || '/' LIKE ? || '/%' ESCAPE '\\'", likeEscape(prefix));
    }

    /** ast_db_gettree: the rows at or under {@code /family[/keytree]}, by key; all rows for a null family. */
    public List<Entry> tree(String family, String keytree) {
        String prefix = prefix(family, keytree);
        if (prefix.isEmpty()) return query("SELECT key, value FROM astdb ORDER BY key");
        return query("SELECT key, value FROM astdb WHERE key || '/' LIKE ? || '/%' ESCAPE '\\' ORDER BY key",
                likeEscape(prefix));
    }

    /** The rows whose key ends with {@code /suffix} ({@code database showkey}). */
    public List<Entry> byKey(String suffix) {
        return query("SELECT key, value FROM astdb WHERE key LIKE '%' || '/' || ? ESCAPE '\\' ORDER BY key",
                likeEscape(suffix));
    }

    /** {@code database query}: any SQL; each result row as column → value, in order. */
    public List<Map<String, String>> sql(String statement) {
        return call(() -> {
            List<Map<String, String>> rows = new ArrayList<>();
            try (Statement s = db.createStatement()) {
                if (!s.execute(statement)) return rows;
                try (ResultSet r = s.getResultSet()) {
                    ResultSetMetaData m = r.getMetaData();
                    while (r.next()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (int i = 1; i <= m.getColumnCount(); i++) row.put(m.getColumnName(i), r.getString(i));
                        rows.add(row);
                    }
                }
            }
            return rows;
        });
    }

    /**
     * "/family/key", or null after Asterisk's warning when it is longer than the 256-byte field
     * (main/db.c db_put_common). An empty family or key is refused too: "//" is no key at all.
     */
    static String fullKey(String family, String key) {
        if (family == null || key == null || family.isEmpty() || key.isEmpty()) {
            PbxLog.warning("db.c", "A database key needs a family and a key: '" + family + "/" + key + "'");
            return null;
        }
        String full = "/" + family + "/" + key;
        if (full.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_FULL_KEY + 1) {
            PbxLog.warning("db.c", "Family and key length must be less than " + MAX_FULL_KEY + " bytes");
            return null;
        }
        return full;
    }

    /** The prefix ast_db_deltree/gettree match: no family means every row ("" here). */
    private static String prefix(String family, String keytree) {
        if (family == null) return "";
        return keytree == null || keytree.isEmpty() ? "/" + family : "/" + family + "/" + keytree;
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private int update(String sql, String... args) {
        try {
            return call(() -> {
                try (PreparedStatement p = db.prepareStatement(sql)) {
                    for (int i = 0; i < args.length; i++) p.setString(i + 1, args[i]);
                    return p.executeUpdate();
                }
            });
        } catch (IllegalStateException e) {
            PbxLog.warning("db.c", "Couldn't execute statement: " + e.getMessage());
            return -1;
        }
    }

    private List<Entry> query(String sql, String... args) {
        return call(() -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) p.setString(i + 1, args[i]);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.add(new Entry(r.getString(1), r.getString(2)));
                }
            }
            return out;
        });
    }

    private interface Sql<T> {
        T run() throws SQLException;
    }

    /** Runs on the database thread and waits; an SQL failure becomes IllegalStateException with its text. */
    private <T> T call(Sql<T> work) {
        Future<T> f = thread.submit(work::run);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the write is under way: wait for it, never abandon it half done
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    throw new IllegalStateException(c.getMessage(), c);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            call(() -> {
                db.close();
                return null;
            });
        } catch (RuntimeException e) {
            PbxLog.warning("db.c", "Closing the Asterisk database failed: " + e.getMessage());
        }
        thread.shutdown();
    }

    @Override
    public String toString() { return "AstDb[" + where + "]"; }
}
