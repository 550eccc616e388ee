package org.switchboard.res.cdr.pgsql;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.switchboard.res.cdr.CdrDisposition;
import org.switchboard.res.cdr.CdrRecord;

/**
 * Records waiting on disk while the database is away: appended (and synced) one line each to
 * {@code spool.txt}; when the database is back, that file is renamed to {@code replay.txt} and read
 * back in order, new records spooling meanwhile to a fresh {@code spool.txt}. A record whose
 * insert may have reached the database before the connection broke is marked, so the writer looks
 * before it inserts it again. One line: a version tag, the mark, then the record's fields,
 * tab-separated, with {@code %}, tab, CR, LF and {@code =} percent-escaped.
 */
final class PgsqlSpool {
    /** A spooled record and whether an insert of it may already have been committed. */
    record Entry(CdrRecord record, boolean maybeWritten) {}

    private static final String VERSION = "cdr1";

    private final Path spool;
    private final Path replay;
    private final ReentrantLock lock = new ReentrantLock();

    PgsqlSpool(Path dir) {
        this.spool = dir.resolve("spool.txt");
        this.replay = dir.resolve("replay.txt");
    }

    Path file() { return spool; }

    void append(List<Entry> entries) throws IOException {
        if (entries.isEmpty()) return;
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) sb.append(encode(e)).append('\n');
        lock.lock();
        try {
            Files.createDirectories(spool.getParent());
            Files.write(spool, sb.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
        } finally {
            lock.unlock();
        }
    }

    /** Records waiting: in the replay file being worked through and in the spool. */
    boolean hasWaiting() { return Files.exists(replay) || Files.exists(spool); }

    /**
     * The records to replay now, oldest first: the replay file left from an earlier attempt, or
     * else the spool, moved aside first. Empty when nothing waits.
     */
    List<Entry> takeForReplay() throws IOException {
        lock.lock();
        try {
            if (!Files.exists(replay)) {
                if (!Files.exists(spool)) return List.of();
                Files.move(spool, replay, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            lock.unlock();
        }
        List<Entry> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(replay, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                Entry e = decode(line);
                if (e != null) out.add(e);
            }
        }
        return out;
    }

    /** Every replayed record is in the database: the replay file goes. */
    void replayDone() throws IOException { Files.deleteIfExists(replay); }

    /** How many records wait on disk (for {@code cdr show pgsql status}). */
    long waiting() {
        long n = 0;
        for (Path p : List.of(replay, spool)) {
            try (var lines = Files.lines(p, StandardCharsets.UTF_8)) {
                n += lines.count();
            } catch (IOException e) {
                // not there
            }
        }
        return n;
    }

    static String encode(Entry e) {
        CdrRecord r = e.record();
        List<String> f = new ArrayList<>(List.of(VERSION, e.maybeWritten() ? "1" : "0", r.accountCode(), r.src(), r.dst(),
                r.dcontext(), r.clid(), r.channel(), r.dstChannel(), r.lastApp(), r.lastData(),
                Long.toString(r.startMicros()), Long.toString(r.answerMicros()), Long.toString(r.endMicros()),
                Long.toString(r.duration()), Long.toString(r.billsec()), r.disposition().name(),
                Integer.toString(r.amaFlags()), r.userfield(), r.uniqueId(), r.linkedId(), r.peerAccount(),
                Integer.toString(r.sequence()), r.disabled() ? "1" : "0"));
        for (Map.Entry<String, String> v : r.variables().entrySet()) f.add(escape(v.getKey()) + "=" + escape(v.getValue()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < f.size(); i++) {
            if (i > 0) sb.append('\t');
            sb.append(i >= 24 ? f.get(i) : escape(f.get(i)));
        }
        return sb.toString();
    }

    /** A spooled line back; null for a line that is not one (a torn last line after a crash). */
    static Entry decode(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 24 || !f[0].equals(VERSION)) return null;
        try {
            for (int i = 0; i < 24; i++) f[i] = unescape(f[i]);
            Map<String, String> vars = new LinkedHashMap<>();
            for (int i = 24; i < f.length; i++) {
                int eq = f[i].indexOf('=');
                if (eq > 0) vars.put(unescape(f[i].substring(0, eq)), unescape(f[i].substring(eq + 1)));
            }
            CdrRecord r = new CdrRecord(f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], Long.parseLong(f[11]),
                    Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]), Long.parseLong(f[15]),
                    CdrDisposition.valueOf(f[16]), Integer.parseInt(f[17]), f[18], f[19], f[20], f[21],
                    Integer.parseInt(f[22]), java.util.Collections.unmodifiableMap(vars), f[23].equals("1"));
            return new Entry(r, f[1].equals("1"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '%' -> sb.append("%25");
                case '\t' -> sb.append("%09");
                case '\n' -> sb.append("%0A");
                case '\r' -> sb.append("%0D");
                case '=' -> sb.append("%3D");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String unescape(String s) {
        if (s.indexOf('%') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
