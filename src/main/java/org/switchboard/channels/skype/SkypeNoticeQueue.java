package org.switchboard.channels.skype;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.core.PbxLog;

/**
 * Chat notices waiting on disk ({@code <astspooldir>/voicemail/chat-queue/}), so none is lost
 * while an account is logged out or the PBX restarts. Every file is written beside its final
 * name, forced to disk, renamed into place and the folder forced too: after a crash a file is
 * either whole or absent. The audio goes in before the notice that names it, and is removed after.
 */
final class SkypeNoticeQueue {
    static final String SUFFIX = ".notice";
    private final Path dir;
    private final AtomicLong sequence = new AtomicLong();

    SkypeNoticeQueue(Path dir) { this.dir = dir; }

    Path dir() { return dir; }

    /**
     * Queues a notice with the recording it is about (null: none), hard-linked into the queue
     * (copied when the link cannot be made), so deleting the message from the box later does
     * not take the voice message with it. Returns the notice with its id.
     */
    SkypeNotice add(String account, String buddy, String text, Path recording) throws IOException {
        Files.createDirectories(dir);
        // time first so the names sort in the order they were made, across restarts too
        String id = String.format("%013d-%06d", System.currentTimeMillis(), sequence.incrementAndGet() % 1_000_000);
        String audio = "";
        if (recording != null) {
            String name = recording.getFileName().toString();
            audio = id + name.substring(Math.max(0, name.lastIndexOf('.')));
            try {
                Files.createLink(dir.resolve(audio), recording);
                forceDir();
            } catch (IOException | UnsupportedOperationException noLink) {
                writeAtomically(dir.resolve(audio), Files.readAllBytes(recording));
            }
        }
        SkypeNotice n = new SkypeNotice(id, account, buddy, text, audio, "", false);
        save(n);
        return n;
    }

    /** Rewrites a notice after a step of it went out. */
    void save(SkypeNotice n) throws IOException {
        writeAtomically(dir.resolve(n.id() + SUFFIX), n.write().getBytes(StandardCharsets.UTF_8));
    }

    Path audioFile(SkypeNotice n) { return dir.resolve(n.audio()); }

    byte[] audio(SkypeNotice n) throws IOException { return Files.readAllBytes(audioFile(n)); }

    /** The recording is encoded: the Ogg Opus file goes in, the notice names it, the recording goes. */
    SkypeNotice replaceAudio(SkypeNotice n, byte[] ogg) throws IOException {
        SkypeNotice next = n.withAudio(n.id() + ".ogg");
        writeAtomically(audioFile(next), ogg);
        save(next);
        Files.deleteIfExists(audioFile(n));
        return next;
    }

    /** The recording cannot become a voice message: the notice goes on as its text alone. */
    SkypeNotice textOnly(SkypeNotice n) throws IOException {
        SkypeNotice next = n.withoutAudio();
        save(next);
        dropAudio(n);
        return next;
    }

    /** Drops a notice's audio once it is uploaded or refused. */
    void dropAudio(SkypeNotice n) throws IOException {
        if (n.hasAudio()) Files.deleteIfExists(dir.resolve(n.audio()));
    }

    /** The notice is delivered: the notice file goes first, so a crash between the two leaves only an orphan audio file. */
    void remove(SkypeNotice n) throws IOException {
        Files.deleteIfExists(dir.resolve(n.id() + SUFFIX));
        forceDir();
        dropAudio(n);
    }

    /** Every notice waiting, oldest first; a file that cannot be read is set aside as {@code .bad} with a log line. */
    List<SkypeNotice> pending() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) return List.of();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : s) files.add(p);
        } catch (IOException e) {
            PbxLog.warning(SkypeAccount.LOG, "Cannot read the chat notice queue " + dir + ": " + e.getMessage());
            return List.of();
        }
        files.sort(null);
        List<SkypeNotice> out = new ArrayList<>();
        for (Path p : files) {
            String name = p.getFileName().toString();
            String id = name.substring(0, name.length() - SUFFIX.length());
            SkypeNotice n = null;
            try {
                n = SkypeNotice.read(id, Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                // read below as unreadable
            }
            if (n == null) {
                PbxLog.warning(SkypeAccount.LOG, "Chat notice " + p + " is unreadable; set aside as " + name + ".bad");
                try {
                    Files.move(p, p.resolveSibling(name + ".bad"), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    // it stays and is reported again
                }
                continue;
            }
            out.add(n);
        }
        return out;
    }

    private void writeAtomically(Path target, byte[] data) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(data);
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDir();
    }

    /** The rename is durable only once the folder's entry is on disk (fsync of the directory, as rename(2) needs). */
    private void forceDir() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the rename still stands
        }
    }
}
