package org.switchboard.res.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The client side of the control socket ({@code switchboard -rx}, {@code -r}). A reader thread
 * sorts what arrives: log lines go to the log sink at once, everything else is the answer to the
 * request in progress (one request at a time).
 */
public final class CliClient implements AutoCloseable {
    /** Marks the end of the connection in the reply queue (compared by identity). */
    private static final String EOF = new String("eof");

    private final SocketChannel channel;
    private final LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final ReentrantLock requestLock = new ReentrantLock();
    private volatile Consumer<String> logSink;
    private volatile boolean closed;
    private String serverVersion = "";
    private long serverPid;
    private String serverHost = "";

    private CliClient(SocketChannel channel) {
        this.channel = channel;
        Thread.ofVirtual().name("cli-client-reader").start(this::readLoop);
    }

    /** Connects and reads the server's greeting; an IOException means no PBX answers there. */
    public static CliClient connect(Path socket) throws IOException {
        SocketChannel sc = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            sc.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            sc.close();
            throw e;
        }
        CliClient c = new CliClient(sc);
        try {
            c.readHello();
        } catch (IOException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void readHello() throws IOException {
        String line = take();
        if (line == EOF) throw new IOException("the server closed the connection");
        char tag = CliProtocol.tag(line);
        if (tag == CliProtocol.ERROR) throw new IOException(CliProtocol.text(line));
        if (tag != CliProtocol.HELLO) throw new IOException("not a Switchboard control socket");
        String[] f = CliProtocol.text(line).split(" ", 4);
        if (f.length < 4) throw new IOException("not a Switchboard control socket");
        serverPid = parseLong(f[1]);
        serverHost = f[2];
        serverVersion = f[3];
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public String serverVersion() { return serverVersion; }
    public long serverPid() { return serverPid; }
    public String serverHost() { return serverHost; }
    public boolean isClosed() { return closed; }

    /**
     * Runs a console command; each output line goes to {@code out} as it arrives.
     *
     * @return the status ({@code ok}, {@code usage}, {@code unknown}, ...), or null when the
     *         connection ended before the answer did (e.g. after {@code core stop now})
     */
    public String command(String line, Consumer<String> out) throws IOException {
        requestLock.lock();
        try {
            if (!trySend(line.replace('\n', ' ').replace('\r', ' '))) return null;
            for (;;) {
                String r = take();
                if (r == EOF) return null;
                switch (CliProtocol.tag(r)) {
                    case CliProtocol.OUTPUT, CliProtocol.ERROR -> out.accept(CliProtocol.text(r));
                    case CliProtocol.DONE -> { return CliProtocol.text(r); }
                    default -> { }
                }
            }
        } finally {
            requestLock.unlock();
        }
    }

    /** The server's candidates for the last word of {@code line}; empty when the connection is gone. */
    public List<String> complete(String line) throws IOException {
        requestLock.lock();
        try {
            List<String> out = new ArrayList<>();
            if (!trySend(":complete " + line.replace('\n', ' ').replace('\r', ' '))) return out;
            for (;;) {
                String r = take();
                if (r == EOF) return out;
                char tag = CliProtocol.tag(r);
                if (tag == CliProtocol.CANDIDATE) out.add(CliProtocol.text(r));
                else if (tag == CliProtocol.DONE) return out;
            }
        } finally {
            requestLock.unlock();
        }
    }

    /** Asks for the server's log lines; they go to {@code sink} on the reader thread as they come. */
    public void subscribeLog(Consumer<String> sink) throws IOException {
        logSink = sink;
        command(":log on", line -> { });
    }

    /** @return false when the connection is gone */
    private boolean trySend(String request) {
        if (closed) return false;
        ByteBuffer b = StandardCharsets.UTF_8.encode(request + "\n");
        try {
            while (b.hasRemaining()) channel.write(b);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String take() throws IOException {
        try {
            String r = replies.take();
            if (r == EOF) replies.offer(EOF);   // every later request sees the end too
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (channel.read(buf.clear()) >= 0) {
                byte[] a = buf.array();
                for (int i = 0, n = buf.position(); i < n; i++) {
                    if (a[i] == '\n') {
                        deliver(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(a[i]);
                    }
                }
            }
        } catch (IOException e) {
            // closed by either side
        } finally {
            closed = true;
            replies.offer(EOF);
        }
    }

    private void deliver(String line) {
        if (CliProtocol.tag(line) == CliProtocol.LOG) {
            Consumer<String> s = logSink;
            if (s != null) s.accept(CliProtocol.text(line));
        } else {
            replies.offer(line);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
