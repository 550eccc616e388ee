package org.switchboard.res.agi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.core.Frame;
import org.switchboard.core.PbxLog;
import org.switchboard.media.codec.Transcoder;

/**
 * The caller's audio for an EAGI script on its file descriptor 3, as res_agi gives it: signed
 * linear 16-bit, 8 kHz, mono, written while the script is between commands. The JVM cannot hand
 * a child an extra descriptor, so the audio goes through a named pipe in a private folder that
 * the launching shell opens as fd 3 before it becomes the script. Asterisk writes to that pipe
 * without blocking (O_NONBLOCK) and loses what a script does not read; here frames wait in a
 * short queue for a writer thread and are dropped (counted) when it is full, so a script that
 * never reads fd 3 can neither block the call nor grow the PBX.
 */
final class EagiAudio implements AutoCloseable {
    /** About 2 s of 20 ms frames; the pipe itself holds another 4 s of slin. */
    static final int QUEUE_FRAMES = 100;

    private final Path dir;
    private final Path fifo;
    private final BlockingQueue<Frame.VoiceFrame> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES);
    private final Map<String, Transcoder> transcoders = new HashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final FileChannel pipe;
    private final Thread writer;
    private volatile boolean closed;

    private EagiAudio(Path dir, Path fifo, FileChannel pipe, String name) {
        this.dir = dir;
        this.fifo = fifo;
        this.pipe = pipe;
        // a platform thread: closing the channel signals a write blocked on a full pipe, which
        // does not reach a virtual thread pinned in that system call
        this.writer = Thread.ofPlatform().daemon().name("eagi-audio-" + name).start(org.switchboard.core.PbxLog.carried(this::run));
    }

    /** A named pipe ready for the launching shell to open as fd 3, or an IOException saying why not. */
    static EagiAudio create(String name) throws IOException {
        Path dir = Files.createTempDirectory("eagi-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path fifo = dir.resolve("audio");
        try {
            Process p = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("mkfifo failed");
            // read+write on a FIFO opens at once on Linux (a write-only open would wait for the
            // script); holding a read end also means a script that closes fd 3 costs no SIGPIPE
            FileChannel pipe = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE);
            return new EagiAudio(dir, fifo, pipe, name);
        } catch (IOException | InterruptedException | RuntimeException e) {
            deleteQuietly(fifo);
            deleteQuietly(dir);
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            throw e instanceof IOException io ? io : new IOException(e.toString(), e);
        }
    }

    /** The pipe's path, for the launching shell's {@code 3<} redirection. */
    Path fifo() { return fifo; }

    /** From the channel's frame delivery: never blocks; a full queue drops the frame. */
    void offer(Frame.VoiceFrame f) {
        if (closed) return;
        if (!queue.offer(f)) dropped.incrementAndGet();
    }

    long dropped() { return dropped.get(); }
    long bytesWritten() { return written.get(); }

    private void run() {
        try {
            while (!closed) {
                Frame.VoiceFrame f = queue.poll(200, TimeUnit.MILLISECONDS);
                if (f == null) continue;
                byte[] pcm = slin(f);
                if (pcm == null) continue;
                ByteBuffer b = ByteBuffer.wrap(pcm);
                while (b.hasRemaining()) written.addAndGet(pipe.write(b));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // closed under a blocked write (the script never read fd 3), or the pipe is gone
        }
    }

    /** Signed linear 8 kHz little-endian, as EAGI scripts read it; null for a codec we cannot turn into it. */
    private byte[] slin(Frame.VoiceFrame f) {
        if ("slin".equals(f.codec())) return f.payload();
        try {
            return transcoders.computeIfAbsent(f.codec(), c -> new Transcoder(c, "slin")).transcode(f).payload();
        } catch (RuntimeException e) {
            PbxLog.limited(PbxLog.Level.WARNING, "res_agi.c", "eagi:" + f.codec(), "EAGI: cannot give the script audio in " + f.codec());
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            pipe.close(); // also ends a write blocked on a full pipe
        } catch (IOException e) {
            // nothing left to release
        }
        try {
            writer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(fifo);
        deleteQuietly(dir);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
