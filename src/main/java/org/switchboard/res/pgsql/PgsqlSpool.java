package org.switchboard.res.pgsql;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records waiting on disk while the database is away: appended (and synced) one line each to
 * {@code spool.txt}; when the database is back, that file is renamed to {@code replay.txt} and read
 * back in order, new records spooling meanwhile to a fresh {@code spool.txt}. The replay goes in
 * batches, each one transaction, and {@code replay.done} counts the records committed so far, so a
 * replay the database broke off resumes where it was. A record whose insert may have reached the
 * database before the connection broke is marked, so the writer looks before it inserts it again. One line: the records' tag, the mark, then the record's fields
 * ({@link PgsqlRecords#fields}), tab-separated, with {@code %}, tab, CR, LF and {@code =}
 * percent-escaped.
 */
public final class PgsqlSpool<R> {
    /** A spooled record and whether an insert of it may already have been committed. */
    public record Entry<R>(R record, boolean maybeWritten) {}

    /**
     * The records of the replay file, of which the first {@code done} are in the database; when
     * {@code resumed}, an earlier replay broke off and the batch after them may be in too.
     */
    public record Replay<R>(List<Entry<R>> entries, int done, boolean resumed) {}

    private final PgsqlRecords<R> records;
    private final Path spool;
    private final Path replay;
    private final Path progress;
    private final ReentrantLock lock = new ReentrantLock();

    public PgsqlSpool(Path dir, PgsqlRecords<R> records) {
        this.records = records;
        this.spool = dir.resolve("spool.txt");
        this.replay = dir.resolve("replay.txt");
        this.progress = dir.resolve("replay.done");
    }

    public Path file() { return spool; }

    public void append(List<Entry<R>> entries) throws IOException {
        if (entries.isEmpty()) return;
        StringBuilder sb = new StringBuilder();
        for (Entry<R> e : entries) sb.append(encode(e)).append('\n');
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
    public boolean hasWaiting() { return Files.exists(replay) || Files.exists(spool); }

    /**
     * The records to replay now, oldest first: the replay file left from an earlier attempt (with
     * how far that attempt got), or else the spool, moved aside first. Empty when nothing waits.
     */
    public Replay<R> takeForReplay() throws IOException {
        boolean resumed;
        lock.lock();
        try {
            resumed = Files.exists(replay);
            if (!resumed) {
                if (!Files.exists(spool)) return new Replay<>(List.of(), 0, false);
                Files.deleteIfExists(progress);
                Files.move(spool, replay, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            lock.unlock();
        }
        List<Entry<R>> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(replay, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                Entry<R> e = decode(line);
                if (e != null) out.add(e);
            }
        }
        return new Replay<>(out, Math.min(out.size(), readProgress()), resumed);
    }

    /** The first {@code done} records of the replay file are committed. */
    public void replayed(int done) throws IOException {
        Path tmp = progress.resolveSibling("replay.done.tmp");
        Files.writeString(tmp, Integer.toString(done), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
        Files.move(tmp, progress, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private int readProgress() {
        try {
            return Math.max(0, Integer.parseInt(Files.readString(progress).trim()));
        } catch (IOException | NumberFormatException e) {
            return 0;   // none yet (or torn): every record of the file is looked for or written
        }
    }

    /** Every replayed record is in the database: the replay file goes. */
    public void replayDone() throws IOException {
        Files.deleteIfExists(replay);
        Files.deleteIfExists(progress);
    }

    /** How many records wait on disk (for {@code cdr show pgsql status}). */
    public long waiting() {
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

    String encode(Entry<R> e) {
        StringBuilder sb = new StringBuilder(records.spoolTag()).append('\t').append(e.maybeWritten() ? '1' : '0');
        for (String f : records.fields(e.record())) sb.append('\t').append(f);
        return sb.toString();
    }

    /** A spooled line back; null for a line that is not one (a torn last line after a crash). */
    Entry<R> decode(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 2 || !f[0].equals(records.spoolTag())) return null;
        try {
            R r = records.parse(List.of(f).subList(2, f.length));
            return r == null ? null : new Entry<>(r, f[1].equals("1"));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Percent-escapes what would break a spool line: {@code %}, tab, CR, LF and {@code =}. */
    public static String escape(String s) {
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

    public static String unescape(String s) {
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
