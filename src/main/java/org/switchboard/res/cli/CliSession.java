package org.switchboard.res.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * One client of the control socket. Its virtual thread reads requests and runs them; a second
 * one writes everything queued for the client, so that a log line raised on a call's thread never
 * waits for a slow console (log lines that do not fit the queue are dropped and counted).
 */
final class CliSession implements Runnable {
    /** Marks the end of the outbound queue (compared by identity). */
    private static final String CLOSE = new String("close");
    private static final int QUEUE_LIMIT = 10_000;

    private final CliServer server;
    private final SocketChannel channel;
    private final CliDispatcher dispatcher;
    private final LinkedBlockingQueue<String> outbound = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    private final ReentrantLock busy = new ReentrantLock();
    private final AtomicInteger droppedLogs = new AtomicInteger();
    private final Consumer<PbxLog.Line> logSink = this::onLog;
    private volatile boolean dead;
    private volatile boolean logging;
    private volatile Thread writer;

    CliSession(CliServer server, SocketChannel channel, CliDispatcher dispatcher) {
        this.server = server;
        this.channel = channel;
        this.dispatcher = dispatcher;
    }

    @Override
    public void run() {
        writer = Thread.ofVirtual().name("cli-writer").start(this::writeLoop);
        try {
            send(CliProtocol.HELLO, CliProtocol.VERSION + " " + ProcessHandle.current().pid() + " " + Host.NAME + " " + Pbx.VERSION);
            CliProtocol.Decoder decoder = new CliProtocol.Decoder();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            reading:
            while (!dead) {
                buf.clear();
                int n = channel.read(buf);
                if (n < 0) break;
                for (CliProtocol.Request r : decoder.feed(buf.array(), 0, n)) {
                    if (!handle(r)) break reading;
                }
            }
        } catch (IOException e) {
            // the client went away, or the server closed us
        } catch (RuntimeException e) {
            PbxLog.warning("asterisk.c", "Console session failed: " + e);
        } finally {
            if (logging) PbxLog.removeSink(logSink);
            finish();
            server.removed(this);
        }
    }

    /** @return false to end the session */
    private boolean handle(CliProtocol.Request r) {
        switch (r.kind()) {
            case COMMAND -> {
                busy.lock();
                try {
                    LineWriter lines = new LineWriter(text -> send(CliProtocol.OUTPUT, text));
                    PrintWriter out = new PrintWriter(lines);
                    CliDispatcher.Outcome o = dispatcher.execute(r.text(), out);
                    out.flush();
                    lines.finish();
                    send(CliProtocol.DONE, CliProtocol.status(o));
                } finally {
                    busy.unlock();
                }
            }
            case COMPLETE -> {
                for (String c : dispatcher.complete(r.text())) send(CliProtocol.CANDIDATE, c);
                send(CliProtocol.DONE, "ok");
            }
            case LOG_ON -> {
                if (!logging) {
                    logging = true;
                    PbxLog.addSink(logSink);
                }
                send(CliProtocol.DONE, "ok");
            }
            case LOG_OFF -> {
                if (logging) {
                    logging = false;
                    PbxLog.removeSink(logSink);
                }
                send(CliProtocol.DONE, "ok");
            }
            case QUIT -> {
                send(CliProtocol.DONE, "ok");
                return false;
            }
            case MALFORMED -> {
                send(CliProtocol.ERROR, r.text());
                send(CliProtocol.DONE, "error");
            }
        }
        return true;
    }

    private void onLog(PbxLog.Line line) {
        if (dead) return;
        for (String text : line.text().split("\r?\n", -1)) {
            if (!outbound.offer(CliProtocol.line(CliProtocol.LOG, text))) {
                droppedLogs.incrementAndGet();
                return;
            }
        }
        int dropped = droppedLogs.getAndSet(0);
        if (dropped > 0 && !outbound.offer(CliProtocol.line(CliProtocol.LOG, "[" + dropped + " log lines dropped: the console did not keep up]"))) {
            droppedLogs.addAndGet(dropped);
        }
    }

    /** Queues one message for the client (a text with line breaks becomes several); waits while the queue is full. */
    private void send(char tag, String text) {
        for (String part : text.split("\r?\n", -1)) {
            String msg = CliProtocol.line(tag, part);
            try {
                while (!dead && !outbound.offer(msg, 1, TimeUnit.SECONDS)) {
                    // the writer is behind: wait for room unless the client is gone
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeLoop() {
        StringBuilder batch = new StringBuilder();
        try {
            boolean closing = false;
            while (!closing) {
                String s = outbound.take();
                do {
                    if (s == CLOSE) {
                        closing = true;
                        break;
                    }
                    batch.append(s).append('\n');
                } while (batch.length() < 16384 && (s = outbound.poll()) != null);
                ByteBuffer pending = StandardCharsets.UTF_8.encode(batch.toString());
                batch.setLength(0);
                while (pending.hasRemaining()) channel.write(pending);
            }
        } catch (IOException | InterruptedException e) {
            // the client is gone; the reader notices on its next read
        } finally {
            dead = true;
            outbound.clear();
            closeChannel();
        }
    }

    /** No more requests: the writer sends what is queued (a client may half-close after its last request), then closes. */
    private void finish() { enqueueClose(); }

    private void enqueueClose() {
        try {
            while (!dead && !outbound.offer(CLOSE, 100, TimeUnit.MILLISECONDS)) {
                // full queue: the writer makes room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeChannel();
        }
    }

    /**
     * The server is stopping: waits up to {@code timeoutMs} for a command in progress to finish,
     * lets the writer flush what was queued, then closes the connection.
     */
    void shutdown(long timeoutMs) {
        boolean locked = false;
        try {
            locked = busy.tryLock(timeoutMs, TimeUnit.MILLISECONDS);
            enqueueClose();
            Thread w = writer;
            if (w != null) w.join(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (locked) busy.unlock();
            closeChannel();
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Looked up once: a slow resolver must not delay every console connection. */
    private static final class Host {
        static final String NAME = lookup();

        private static String lookup() {
            try {
                String h = java.net.InetAddress.getLocalHost().getHostName();
                return h.isEmpty() || h.contains(" ") ? "localhost" : h;
            } catch (IOException e) {
                return "localhost";
            }
        }
    }

    /** Cuts written text into lines and hands each one over as soon as its line break is written. */
    static final class LineWriter extends Writer {
        private final Consumer<String> sink;
        private final StringBuilder line = new StringBuilder();

        LineWriter(Consumer<String> sink) { this.sink = sink; }

        @Override
        public void write(char[] cbuf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                char ch = cbuf[i];
                if (ch == '\n') {
                    sink.accept(line.toString());
                    line.setLength(0);
                } else if (ch != '\r') {
                    line.append(ch);
                }
            }
        }

        /** Hands over a last line that has no line break. */
        void finish() {
            if (!line.isEmpty()) {
                sink.accept(line.toString());
                line.setLength(0);
            }
        }

        @Override
        public void flush() { }

        @Override
        public void close() { finish(); }
    }
}
