package org.switchboard.net.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebRTC peer nobody here wrote: {@code src/test/resources/webrtc/aiortc_peer.py} on Debian's
 * python3-aiortc (run by /usr/bin/python3), exchanging SDP with the test as JSON lines. It sends a
 * tone as PCMU and records what it hears to a WAV file.
 */
final class AiortcPeer implements AutoCloseable {
    private final Process process;
    private final OutputStream stdin;
    final LinkedBlockingQueue<Map<String, String>> messages = new LinkedBlockingQueue<>();
    final List<String> states = new java.util.concurrent.CopyOnWriteArrayList<>();

    AiortcPeer(Path dir, double toneHz, Path record, String... flags) {
        try {
            Path script = Path.of(AiortcPeer.class.getResource("/webrtc/aiortc_peer.py").toURI());
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), "--tone", Double.toString(toneHz),
                "--record", record.toString()));
            cmd.addAll(List.of(flags));
            process = new ProcessBuilder(cmd).redirectError(dir.resolve("aiortc.err").toFile()).start();
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot start the aiortc peer (apt-get install python3-aiortc): " + e, e);
        }
        stdin = process.getOutputStream();
        Thread.ofPlatform().daemon().name("aiortc-peer").start(this::readLoop);
    }

    private void readLoop() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                Map<String, String> m = Json.parse(l);
                if ("state".equals(m.get("type"))) states.add(m.get("connection"));
                else messages.add(m);
            }
        } catch (IOException e) {
            // process gone
        }
    }

    void send(String type, String sdp) {
        String line = sdp == null ? "{\"type\": " + Json.quote(type) + "}"
            : "{\"type\": " + Json.quote(type) + ", \"sdp\": " + Json.quote(sdp) + "}";
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the aiortc peer is gone", e);
        }
    }

    /** The next message of {@code type} within 20 s. */
    Map<String, String> next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Map<String, String> m = messages.poll(200, TimeUnit.MILLISECONDS);
            if (m != null && type.equals(m.get("type"))) return m;
        }
        throw new AssertionError("the aiortc peer sent no " + type + " (states " + states + ")");
    }

    /** Ends the call; what it heard is then in the WAV file. */
    Map<String, String> bye() throws InterruptedException {
        send("bye", null);
        Map<String, String> heard = next("heard");
        assertThat(heard.get("file")).isNotNull();
        return heard;
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) send("bye", null);
        } catch (RuntimeException e) {
            // gone already
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroy();
            if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    /** Just enough JSON for flat objects of strings and numbers. */
    static final class Json {
        static String quote(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                        else b.append(c);
                    }
                }
            }
            return b.append('"').toString();
        }

        static Map<String, String> parse(String s) {
            Map<String, String> out = new LinkedHashMap<>();
            int[] at = {s.indexOf('{') + 1};
            while (true) {
                skip(s, at);
                if (at[0] >= s.length() || s.charAt(at[0]) == '}') return out;
                String key = string(s, at);
                skip(s, at);
                at[0]++; // ':'
                skip(s, at);
                String value;
                if (s.charAt(at[0]) == '"') value = string(s, at);
                else {
                    int start = at[0];
                    while (at[0] < s.length() && ",}".indexOf(s.charAt(at[0])) < 0) at[0]++;
                    value = s.substring(start, at[0]).trim();
                }
                out.put(key, value);
                skip(s, at);
                if (at[0] < s.length() && s.charAt(at[0]) == ',') at[0]++;
            }
        }

        private static void skip(String s, int[] at) {
            while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) at[0]++;
        }

        private static String string(String s, int[] at) {
            StringBuilder b = new StringBuilder();
            int i = at[0] + 1;
            for (; s.charAt(i) != '"'; i++) {
                char c = s.charAt(i);
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
            at[0] = i + 1;
            return b.toString();
        }
    }
}
