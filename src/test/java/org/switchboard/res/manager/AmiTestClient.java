package org.switchboard.res.manager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A raw-socket AMI client for tests: exact bytes out, messages in as ordered lines. */
final class AmiTestClient implements AutoCloseable {
    /** Events readResponse() passed over, in order, for readUntil() to look at first. */
    private final java.util.ArrayDeque<Map<String, String>> passedOver = new java.util.ArrayDeque<>();

    final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    String banner;

    AmiTestClient(int port) throws IOException { this(port, 0); }

    AmiTestClient(int port, int receiveBuffer) throws IOException { this(port, receiveBuffer, null); }

    /** From {@code localAddress} (a 127.x.y.z address, or null for any), with a small receive buffer when asked. */
    AmiTestClient(int port, int receiveBuffer, String localAddress) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) socket.setReceiveBufferSize(receiveBuffer);
        if (localAddress != null) socket.bind(new java.net.InetSocketAddress(localAddress, 0));
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    String readBanner() throws IOException {
        banner = in.readLine();
        return banner;
    }

    void sendRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends headers given as "Key: Value" strings, CRLF-terminated, then a blank line. */
    void send(String... lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(l).append("\r\n");
        sendRaw(sb.append("\r\n").toString());
    }

    /** The next message's lines, without the blank line; null at end of stream. */
    List<String> readLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (;;) {
            String l = in.readLine();
            if (l == null) return lines.isEmpty() ? null : lines;
            if (l.isEmpty()) {
                if (lines.isEmpty()) continue;
                return lines;
            }
            lines.add(l);
        }
    }

    /** The next message as a map (first value of each key). */
    Map<String, String> read() throws IOException {
        List<String> lines = readLines();
        if (lines == null) return null;
        return toMap(lines);
    }

    /** Reads messages until one has {@code key: value}; earlier ones are skipped. */
    Map<String, String> readUntil(String key, String value) throws IOException {
        // an event may have come before the response readResponse() was waiting for
        for (java.util.Iterator<Map<String, String>> it = passedOver.iterator(); it.hasNext(); ) {
            Map<String, String> m = it.next();
            it.remove();
            if (value.equals(m.get(key))) return m;
        }
        for (;;) {
            Map<String, String> m = read();
            if (m == null) throw new IOException("connection closed before " + key + ": " + value);
            if (value.equals(m.get(key))) return m;
        }
    }

    /** Reads the next message that is not an event (a response). */
    Map<String, String> readResponse() throws IOException {
        for (;;) {
            Map<String, String> m = read();
            if (m == null) return null;
            if (m.containsKey("Response") && !m.containsKey("Event")) return m;
            passedOver.add(m);
        }
    }

    static Map<String, String> toMap(List<String> lines) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : lines) {
            int c = l.indexOf(": ");
            if (c > 0) m.putIfAbsent(l.substring(0, c), l.substring(c + 2));
        }
        return m;
    }

    Map<String, String> login(String user, String secret, String... extra) throws IOException {
        List<String> lines = new ArrayList<>(List.of("Action: Login", "Username: " + user, "Secret: " + secret));
        lines.addAll(List.of(extra));
        send(lines.toArray(String[]::new));
        return readResponse();
    }

    /** True when the server closed the connection (read returns end of stream before the timeout). */
    boolean closedByServer() throws IOException {
        try {
            for (;;) {
                if (in.readLine() == null) return true;
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException { socket.close(); }
}
