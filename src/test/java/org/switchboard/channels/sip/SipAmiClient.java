package org.switchboard.channels.sip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A raw-socket AMI client for the chan_sip action tests: headers out, messages in as maps (first value per key). */
final class SipAmiClient implements AutoCloseable {
    private final Socket socket = new Socket();
    private final BufferedReader in;

    SipAmiClient(int port) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        in.readLine(); // banner
        Map<String, String> r = action("Action: Login", "Username: " + SipCliFixture.AMI_USER, "Secret: " + SipCliFixture.AMI_SECRET);
        if (!"Success".equals(r.get("Response"))) throw new IOException("login failed: " + r);
    }

    void send(String... lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(l).append("\r\n");
        socket.getOutputStream().write(sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Sends an action and returns its response (events before it are skipped). */
    Map<String, String> action(String... lines) throws IOException {
        send(lines);
        for (;;) {
            Map<String, String> m = read();
            if (m.containsKey("Response")) return m;
        }
    }

    /** Sends a list action; returns the response, the items and the completing event, in order. */
    List<Map<String, String>> list(String completeEvent, String... lines) throws IOException {
        send(lines);
        List<Map<String, String>> out = new ArrayList<>();
        for (;;) {
            Map<String, String> m = read();
            if (out.isEmpty() && !m.containsKey("Response")) continue; // unrelated event before the response
            out.add(m);
            if ("Error".equals(m.get("Response")) || completeEvent.equals(m.get("Event"))) return out;
        }
    }

    Map<String, String> read() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (;;) {
            String l = in.readLine();
            if (l == null) throw new IOException("connection closed");
            if (l.isEmpty()) {
                if (m.isEmpty()) continue;
                return m;
            }
            int c = l.indexOf(": ");
            if (c > 0) m.putIfAbsent(l.substring(0, c), l.substring(c + 2));
            else if (l.endsWith(":")) m.putIfAbsent(l.substring(0, l.length() - 1), "");
        }
    }

    @Override
    public void close() throws IOException { socket.close(); }
}
