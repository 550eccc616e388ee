package org.switchboard.res.pgsql;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.core.PbxLog;

/**
 * Writes records into PostgreSQL on a thread of its own, so that a database that is slow or away
 * never holds up a call: records wait in a bounded queue and go in as one transaction for all
 * that queued meanwhile (Asterisk's cdr_pgsql commits each record alone, which caps it at the
 * server's fsync rate); while the database cannot be reached
 * (down, refusing the password, no such table) they go to the {@link PgsqlSpool} on disk, and when
 * it answers again the spool is written first, in order. An insert that failed midway is looked
 * for (by the records' identity columns) before it is tried again, so no record is written twice; a record
 * the database refuses for its content is kept in {@code rejected/spool.txt} beside the spool (never replayed). Connection
 * attempts back off from 250 ms to 5 s; each failed one is a log line, rate-limited per server.
 */
public final class PgsqlWriter<R> implements AutoCloseable {
    static final int QUEUE_SIZE = 10_000;
    /** Records per transaction: one commit (one fsync on the server) for all that queued meanwhile. */
    static final int BATCH = 500;
    private static final long MIN_BACKOFF_MS = 250, MAX_BACKOFF_MS = 5_000;
    private static final String COLUMNS_SQL = """
            SELECT a.attname, t.typname, a.attnotnull, a.atthasdef
              FROM pg_catalog.pg_attribute a
              JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
             WHERE c.relname = ? AND n.nspname = COALESCE(?, current_schema()) AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum""";

    private final PgsqlConfig config;
    private final PgsqlRecords<R> records;
    private final PgsqlSpool<R> spool;
    private final PgsqlSpool<R> rejected;   // records the database refused for their content: kept, never replayed
    private final String log;
    private final ZoneId zone;
    private final ArrayBlockingQueue<R> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong sinceConnect = new AtomicLong();
    private volatile boolean connected;
    private volatile long connectedSinceMillis;
    private Connection conn;
    private List<PgsqlColumn> columns = List.of();
    private long backoffMs = MIN_BACKOFF_MS;
    private boolean everConnected;

    public PgsqlWriter(PgsqlConfig config, PgsqlRecords<R> records, Path spoolDir) {
        this.config = config;
        this.records = records;
        this.spool = new PgsqlSpool<>(spoolDir, records);
        this.rejected = new PgsqlSpool<>(spoolDir.resolve("rejected"), records);
        this.log = records.module() + ".c";
        this.zone = zoneOf(config.timezone(), log);
        this.thread = new Thread(org.switchboard.core.PbxLog.carried(this::run), records.module());
        thread.setDaemon(true);
    }

    public void start() { thread.start(); }

    /** Takes a record; never blocks: with the queue full it goes straight to the spool. */
    public void offer(R r) {
        if (!queue.offer(r)) spill(List.of(new PgsqlSpool.Entry<>(r, false)));
        if (stop.getCount() == 0) spillQueue();   // stopped meanwhile: nobody else will take it
    }

    public boolean connected() { return connected; }
    public long connectedSinceMillis() { return connectedSinceMillis; }
    public long total() { return total.get(); }
    public long sinceConnect() { return sinceConnect.get(); }
    public int queued() { return queue.size(); }
    public long spooled() { return spool.waiting(); }
    public PgsqlConfig config() { return config; }

    private void run() {
        while (stop.getCount() > 0) {
            if (conn == null && !connect()) {
                spillQueue();
                pause(backoffMs);
                backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
                continue;
            }
            if (spool.hasWaiting() && !replay()) continue;
            R r;
            try {
                r = queue.poll(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (r == null) continue;
            List<R> batch = new ArrayList<>();
            batch.add(r);
            queue.drainTo(batch, BATCH - 1);
            write(batch);
        }
        finish();
    }

    /** Stopping: what is queued goes in while the database answers (a few seconds at most), the rest to disk. */
    private void finish() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (conn != null && System.nanoTime() < deadline) {
            List<R> batch = new ArrayList<>();
            queue.drainTo(batch, BATCH);
            if (batch.isEmpty()) break;
            write(batch);
        }
        spillQueue();
        disconnect();
    }

    private boolean connect() {
        Properties p = new Properties();
        p.setProperty("user", config.user());
        p.setProperty("password", config.password());
        if (!config.appname().isEmpty()) p.setProperty("ApplicationName", config.appname());
        p.setProperty("connectTimeout", "5");
        p.setProperty("loginTimeout", "5");
        p.setProperty("socketTimeout", "15");
        p.setProperty("tcpKeepAlive", "true");
        try {
            Connection c = DriverManager.getConnection(config.jdbcUrl(), p);
            List<PgsqlColumn> cols = readColumns(c);
            if (cols.isEmpty()) {
                c.close();
                PbxLog.limited(PbxLog.Level.ERROR, log, config.where(), records.module() + ": Failed to query database columns. No columns found, does the table '"
                        + config.table() + "' exist? Records wait in " + spool.file());
                return false;
            }
            conn = c;
            columns = cols;
            connected = true;
            connectedSinceMillis = System.currentTimeMillis();
            sinceConnect.set(0);
            backoffMs = MIN_BACKOFF_MS;
            if (everConnected) PbxLog.notice(log, "Connection to database server " + config.where() + " reestablished.");
            else PbxLog.verbose(2, records.module() + ": connected to " + config.where() + ", table " + config.table() + " (" + cols.size() + " columns)");
            everConnected = true;
            return true;
        } catch (SQLException e) {
            PbxLog.limited(PbxLog.Level.ERROR, log, config.where(), "Unable to connect to database server "
                    + config.where() + ": " + oneLine(e) + ". Records wait in " + spool.file() + " until it answers.");
            return false;
        }
    }

    private List<PgsqlColumn> readColumns(Connection c) throws SQLException {
        List<PgsqlColumn> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS_SQL)) {
            ps.setString(1, config.tableName());
            ps.setString(2, config.schema());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new PgsqlColumn(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)));
            }
        }
        return out;
    }

    /**
     * Writes the spooled records, oldest first, a batch per transaction, noting after each how far
     * it got; a record that may be in already (and the batch an earlier replay broke off in) is
     * looked for first. False when the database went away meanwhile.
     */
    private boolean replay() {
        PgsqlSpool.Replay<R> replay;
        try {
            replay = spool.takeForReplay();
        } catch (IOException e) {
            PbxLog.limited(PbxLog.Level.ERROR, log, config.where(), "Cannot read the spooled records in " + spool.file() + ": " + e);
            pause(MAX_BACKOFF_MS);
            return false;
        }
        List<PgsqlSpool.Entry<R>> entries = replay.entries();
        int written = 0;
        for (int at = replay.done(); at < entries.size(); ) {
            if (stop.getCount() == 0) return false;
            int end = Math.min(entries.size(), at + BATCH);
            boolean lookAll = replay.resumed() && at == replay.done();
            List<R> fresh = new ArrayList<>();
            for (PgsqlSpool.Entry<R> e : entries.subList(at, end)) {
                if (!lookAll && !e.maybeWritten()) {
                    fresh.add(e.record());
                    continue;
                }
                Outcome o = insert(e.record(), true);
                if (o == Outcome.LOST_CONNECTION) return false;   // the replay file stays; what is in is found next time
                if (o == Outcome.WRITTEN) written++;
            }
            int n = insertAll(fresh);
            if (n < 0) return false;
            written += n;
            at = end;
            try {
                spool.replayed(at);
            } catch (IOException ex) {
                PbxLog.warning(log, "Cannot note the replay's progress in " + spool.file().getParent() + ": " + ex);
            }
        }
        try {
            spool.replayDone();
        } catch (IOException ex) {
            PbxLog.warning(log, "Cannot remove the replayed spool file: " + ex);
        }
        if (!entries.isEmpty()) {
            PbxLog.notice(log, "Wrote " + written + " " + records.noun() + (written == 1 ? "" : "s")
                    + " kept while the database was away (" + entries.size() + " spooled).");
        }
        return true;
    }

    /** Queued records into the database; those a lost connection leaves in doubt go to the spool, marked. */
    private void write(List<R> batch) {
        if (insertAll(batch) < 0) {
            List<PgsqlSpool.Entry<R>> entries = new ArrayList<>(batch.size());
            for (R r : batch) entries.add(new PgsqlSpool.Entry<>(r, true));
            spill(entries);
            spillQueue();
        }
    }

    /**
     * Inserts the records in one transaction; if the database refuses one for its content, one at
     * a time so that only that one is set aside. The number written, or -1 when the connection was
     * lost (the transaction may or may not have been committed).
     */
    private int insertAll(List<R> batch) {
        if (batch.isEmpty()) return 0;
        if (batch.size() > 1) {
            Outcome o = insertBatch(batch);
            if (o == Outcome.WRITTEN) return batch.size();
            if (o == Outcome.LOST_CONNECTION) return -1;
        }
        int n = 0;
        for (R r : batch) {
            Outcome o = insert(r, false);
            if (o == Outcome.LOST_CONNECTION) return -1;
            if (o == Outcome.WRITTEN) n++;
        }
        return n;
    }

    private enum Outcome { WRITTEN, ALREADY_THERE, REJECTED, LOST_CONNECTION }

    private Outcome insert(R r, boolean lookFirst) {
        PgsqlRow row = records.row(r, columns, zone);
        try {
            if (lookFirst && alreadyThere(row)) return Outcome.ALREADY_THERE;
            try (PreparedStatement ps = conn.prepareStatement(row.sql(config.table()))) {
                for (int i = 0; i < row.values().size(); i++) bind(ps, i + 1, row.values().get(i));
                ps.executeUpdate();
            }
            return written(1);
        } catch (SQLException e) {
            if (connectionProblem(e)) return lost(e);
            PbxLog.error(log, "Failed to insert " + records.noun() + " " + records.id(r)
                    + " into database! Reason: " + oneLine(e) + ". Kept in " + rejected.file());
            keepRejected(r);
            return Outcome.REJECTED;
        }
    }

    private Outcome written(int n) {
        total.addAndGet(n);
        sinceConnect.addAndGet(n);
        return Outcome.WRITTEN;
    }

    /** The connection broke under a write: one rate-limited line, and the records go to the spool. */
    private Outcome lost(SQLException e) {
        PbxLog.limited(PbxLog.Level.ERROR, log, config.where(), "Connection to database server "
                + config.where() + " lost: " + oneLine(e) + ". Records wait in " + spool.file() + " until it answers.");
        disconnect();
        return Outcome.LOST_CONNECTION;
    }

    /** One transaction, consecutive rows of the same shape as one JDBC batch; REJECTED rolls it back. */
    private Outcome insertBatch(List<R> batch) {
        try {
            conn.setAutoCommit(false);
            PreparedStatement ps = null;
            String sql = null;
            try {
                for (R r : batch) {
                    PgsqlRow row = records.row(r, columns, zone);
                    String text = row.sql(config.table());
                    if (!text.equals(sql)) {
                        if (ps != null) {
                            ps.executeBatch();
                            ps.close();
                        }
                        ps = conn.prepareStatement(text);
                        sql = text;
                    }
                    for (int i = 0; i < row.values().size(); i++) bind(ps, i + 1, row.values().get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            } finally {
                if (ps != null) ps.close();
            }
            conn.commit();
            conn.setAutoCommit(true);
            return written(batch.size());
        } catch (SQLException e) {
            if (connectionProblem(e)) return lost(e);
            try {
                conn.rollback();
                conn.setAutoCommit(true);
            } catch (SQLException ex) {
                disconnect();
                return Outcome.LOST_CONNECTION;
            }
            return Outcome.REJECTED;   // one of them: the caller finds which, one at a time
        }
    }

    /** The row with this record's identity columns is in the table already (a write whose answer was lost). */
    private boolean alreadyThere(PgsqlRow row) throws SQLException {
        List<Integer> at = new ArrayList<>();
        for (String c : records.identity()) {
            int i = row.columns().indexOf(c);
            if (i < 0) return false;   // nothing to tell records apart by: insert
            at.add(i);
        }
        if (at.isEmpty()) return false;
        StringBuilder sql = new StringBuilder("SELECT 1 FROM ").append(config.table()).append(" WHERE ");
        for (int k = 0; k < at.size(); k++) {
            if (k > 0) sql.append(" AND ");
            sql.append('"').append(row.columns().get(at.get(k))).append("\" = ?");
        }
        try (PreparedStatement ps = conn.prepareStatement(sql.append(" LIMIT 1").toString())) {
            for (int k = 0; k < at.size(); k++) bind(ps, k + 1, row.values().get(at.get(k)));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v instanceof Long l) ps.setLong(i, l);
        else if (v instanceof Double d) ps.setDouble(i, d);
        else ps.setObject(i, v, Types.OTHER);   // text the server converts to the column's type
    }

    /** Connection classes (08), operator intervention such as a server shutting down (57), resources (53), system (58). */
    private boolean connectionProblem(SQLException e) {
        String state = e.getSQLState();
        if (state == null || state.startsWith("08") || state.startsWith("57") || state.startsWith("53") || state.startsWith("58")) return true;
        try {
            return conn.isClosed();
        } catch (SQLException ex) {
            return true;
        }
    }

    private void spillQueue() {
        List<R> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (rest.isEmpty()) return;
        List<PgsqlSpool.Entry<R>> entries = new ArrayList<>(rest.size());
        for (R r : rest) entries.add(new PgsqlSpool.Entry<>(r, false));
        spill(entries);
    }

    private void spill(List<PgsqlSpool.Entry<R>> entries) {
        try {
            spool.append(entries);
        } catch (IOException e) {
            PbxLog.error(log, "Cannot keep " + entries.size() + " " + records.noun() + "(s) in " + spool.file() + ": " + e
                    + ". They are lost.");
        }
    }

    private void keepRejected(R r) {
        try {
            rejected.append(List.of(new PgsqlSpool.Entry<>(r, false)));
        } catch (IOException e) {
            PbxLog.error(log, "Cannot keep the refused " + records.noun() + " " + records.id(r) + ": " + e);
        }
    }

    private void disconnect() {
        connected = false;
        Connection c = conn;
        conn = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // going anyway
            }
        }
    }

    private void pause(long ms) {
        try {
            stop.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String oneLine(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static ZoneId zoneOf(String tz, String log) {
        if (tz == null || tz.isBlank()) return ZoneId.systemDefault();
        try {
            return ZoneId.of(tz.trim());
        } catch (RuntimeException e) {
            PbxLog.warning(log, "Unknown timezone '" + tz + "'; times are written in local time");
            return ZoneId.systemDefault();
        }
    }

    /** Stops the thread: queued records are written while the database answers, the rest kept on disk. */
    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
