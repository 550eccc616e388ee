package org.switchboard.res.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server end of FastAGI for tests, written by hand: accepts the PBX's connection, reads the
 * agi_* block, then sends exact command lines and reads exact answers (a 520 usage whole).
 */
final class FastAgiDriver implements AutoCloseable {
    private final ServerSocket server;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    final Map<String, String> env = new LinkedHashMap<>();

    FastAgiDriver() {
        try {
            server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
            server.setSoTimeout(10_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri(String script) { return "agi://127.0.0.1:" + server.getLocalPort() + "/" + script; }

    /** Takes the PBX's connection and its environment block. */
    FastAgiDriver accept() throws IOException {
        socket = server.accept();
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
        for (String l; (l = in.readLine()) != null && !l.isEmpty(); ) {
            int colon = l.indexOf(": ");
            env.put(l.substring(0, colon), l.substring(colon + 2));
        }
        return this;
    }

    void send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next answer; a 520 usage answer's lines joined by line feeds. Null when the PBX closed. */
    String answer() throws IOException {
        String first = in.readLine();
        if (first == null || !first.startsWith("520-")) return first;
        StringBuilder b = new StringBuilder(first);
        for (String l; (l = in.readLine()) != null; ) {
            b.append('\n').append(l);
            if (l.startsWith("520 ")) break;
        }
        return b.toString();
    }

    String command(String line) throws IOException {
        send(line);
        return answer();
    }

    /** Ends the conversation from the server's side. */
    @Override
    public void close() throws IOException {
        if (socket != null) socket.close();
        server.close();
    }
}
