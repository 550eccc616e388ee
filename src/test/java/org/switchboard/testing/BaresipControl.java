package org.switchboard.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * baresip's {@code ctrl_tcp} channel: commands go out as netstrings
 * ({@code 57:{"command":"dial","params":"sip:b@127.0.0.1:5062","token":"t1"},}) and are executed
 * as {@code menu} long commands; responses ({@code "response":true}, matched by token) and events
 * ({@code "event":true,"type":"CALL_ESTABLISHED","param":...}) come back the same way. Every
 * message received is kept, and echoed into the phone's output as a {@code [ctrl]} line.
 */
public final class BaresipControl implements AutoCloseable {
    private static final AtomicInteger TOKENS = new AtomicInteger();

    /** One event (type such as CALL_CLOSED, param its detail) or response (type "response:TOKEN", param the text). */
    public record Event(String type, String param, String raw) {}

    private final String name;
    private final PhoneProcess proc;
    private final Socket ctrl = new Socket();
    private final List<Event> events = new ArrayList<>();
    private final BitSet taken = new BitSet();

    BaresipControl(String name, int port, PhoneProcess proc) throws IOException {
        this.name = name;
        this.proc = proc;
        ctrl.connect(new InetSocketAddress(PhoneProcess.LOOPBACK, port), 5000);
        Thread t = new Thread(this::readEvents, name + "-events");
        t.setDaemon(true);
        t.start();
    }

    /** Marks every not yet consumed event of these types as consumed (stale events of a finished call). */
    synchronized void discard(Set<String> types) {
        for (int i = 0; i < events.size(); i++) if (types.contains(events.get(i).type())) taken.set(i);
    }

    /** Everything received so far. */
    public synchronized List<Event> events() { return List.copyOf(events); }

    /**
     * Sends a menu long command and waits (5 s) for its response; returns the response text.
     * Fails if baresip answers {@code "ok":false}.
     */
    public String command(String command, String params) {
        String token = "t" + TOKENS.incrementAndGet();
        String json = "{\"command\":" + Json.quote(command) + (params == null ? "" : ",\"params\":" + Json.quote(params))
            + ",\"token\":\"" + token + "\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try {
            OutputStream out = ctrl.getOutputStream();
            synchronized (out) {
                out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.write(',');
                out.flush();
            }
        } catch (IOException e) {
            throw new AssertionError(name + ": cannot send " + json + ": " + e + "\n" + proc.tail(40));
        }
        Event r = await(Duration.ofSeconds(5), "response to " + command, Set.of("response:" + token), Set.of());
        if (!r.raw().contains("\"ok\":true")) {
            throw new AssertionError(name + ": " + json + " failed: " + r.param() + "\n" + proc.tail(40));
        }
        return r.param();
    }

    /**
     * Waits for the first not yet consumed event whose type is in {@code want} and consumes it;
     * fails at once on one in {@code fail}, or when the process exits or the timeout passes.
     */
    synchronized Event await(Duration timeout, String what, Set<String> want, Set<String> fail) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = taken.nextClearBit(0); i < events.size(); i = taken.nextClearBit(i + 1)) {
                Event e = events.get(i);
                if (want.contains(e.type())) { taken.set(i); return e; }
                if (fail.contains(e.type())) {
                    taken.set(i);
                    throw new AssertionError(name + ": " + what + " failed: " + e.raw() + "\n" + proc.tail(40));
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !proc.alive()) {
                throw new AssertionError(name + ": no " + what + (proc.alive() ? " within " + timeout.toMillis() + " ms" : ": process exited")
                    + "\nevents: " + events.stream().map(Event::type).toList() + "\n" + proc.tail(40));
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    private void readEvents() {
        try (InputStream in = new BufferedInputStream(ctrl.getInputStream())) {
            while (true) {
                int len = 0;
                for (int c; (c = in.read()) != ':'; ) {
                    if (c < 0) return;
                    if (c >= '0' && c <= '9') len = len * 10 + (c - '0'); // skips the ',' ending the previous netstring
                }
                String json = new String(in.readNBytes(len), StandardCharsets.UTF_8);
                boolean response = json.contains("\"response\":true");
                String type = response ? "response:" + Json.field(json, "token") : Json.field(json, "type");
                Event e = new Event(type, Json.field(json, response ? "data" : "param"), json);
                proc.add("[ctrl] " + (response ? json : type + (e.param() == null ? "" : " " + e.param())));
                synchronized (this) {
                    events.add(e);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // socket closed: the phone is going away
        }
    }

    @Override
    public void close() {
        try {
            ctrl.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Just enough JSON for ctrl_tcp: quoting and reading one string field. */
    static final class Json {
        private Json() {}

        static String quote(String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }

        static String field(String json, String name) {
            var m = Pattern.compile("\"" + name + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
            if (!m.find()) return null;
            return m.group(1).replace("\\n", "\n").replace("\\/", "/").replace("\\\"", "\"").replace("\\\\", "\\");
        }
    }}
