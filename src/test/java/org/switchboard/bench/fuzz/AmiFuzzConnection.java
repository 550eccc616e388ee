package org.switchboard.bench.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One raw Manager connection of the fuzzer. A reading connection takes everything the PBX sends
 * on its own thread and checks the framing of every line: CRLF-terminated {@code Key: Value}
 * (the banner first), no other control character, no NEL or Unicode line separator, so nothing a
 * client sent can have forged a header or a message. A silent connection never reads.
 */
final class AmiFuzzConnection implements AutoCloseable {
    final Socket socket;
    private final OutputStream out;
    private final Consumer<String> violation;
    private final java.util.concurrent.atomic.AtomicLong pumped = new java.util.concurrent.atomic.AtomicLong();
    private volatile long writingSinceMillis;
    private volatile boolean loggedIn;
    private volatile boolean gone;

    AmiFuzzConnection(int port, String localAddress, boolean reading, Consumer<String> violation) throws IOException {
        this.violation = violation;
        socket = new Socket();
        if (!reading) socket.setReceiveBufferSize(4096);
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        out = socket.getOutputStream();
        if (reading) Thread.ofPlatform().daemon().name("ami-fuzz-reader").start(this::readAll);
    }

    /** Writes bytes; an IOException means the PBX closed the connection (or we did). */
    void send(byte[] bytes) throws IOException {
        writingSinceMillis = System.currentTimeMillis();
        try {
            out.write(bytes);
            out.flush();
        } finally {
            writingSinceMillis = 0;
        }
    }

    /** How long the current write has been blocked (0 when not writing). */
    long writeBlockedMillis() {
        long since = writingSinceMillis;
        return since == 0 ? 0 : System.currentTimeMillis() - since;
    }

    /** True once this (reading) connection has read a successful login's answer. */
    boolean loggedIn() { return loggedIn; }

    /** How many of the fuzzer's own pump events this (reading) connection has received. */
    long pumpedEventsSeen() { return pumped.get(); }

    /** True once the PBX has closed the connection (seen by the reader). */
    boolean gone() { return gone || socket.isClosed(); }

    private void readAll() {
        byte[] buf = new byte[16384];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean first = true;
        boolean cr = false;
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (cr) {
                        if (b != '\n') violation.accept("bare CR inside a line: " + preview(line.toByteArray()));
                        else {
                            check(line.toByteArray(), first);
                            first = false;
                            line.reset();
                            cr = false;
                            continue;
                        }
                        cr = false;
                    }
                    if (b == '\r') cr = true;
                    else if (b == '\n') violation.accept("bare LF ends a line: " + preview(line.toByteArray()));
                    else line.write(b);
                }
            }
        } catch (IOException e) {
            // closed by either side
        }
        gone = true;
    }

    private void check(byte[] bytes, boolean banner) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isEmpty()) return;
        if (text.equals("UserEvent: pump")) pumped.incrementAndGet();
        if (text.equals("Message: Authentication accepted")) loggedIn = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\t' && (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029')) {
                violation.accept(String.format("control character U+%04X in a line: %s", (int) c, preview(bytes)));
                return;
            }
        }
        if (banner) {
            if (!text.startsWith("Asterisk Call Manager/")) violation.accept("no banner: " + preview(bytes));
            return;
        }
        if (text.indexOf(": ") <= 0) violation.accept("not a Key: Value line: " + preview(bytes));
    }

    private static String preview(byte[] b) {
        String s = new String(b, 0, Math.min(b.length, 80), StandardCharsets.UTF_8);
        return org.switchboard.core.LogText.oneLine(s);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
