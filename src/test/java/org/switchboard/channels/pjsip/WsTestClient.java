package org.switchboard.channels.pjsip;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client (the JDK's) speaking subprotocol {@code sip}: what a browser phone's socket does, for tests. */
final class WsTestClient implements AutoCloseable {
    private final HttpClient http; // an HttpClient nobody holds closes its connections when collected
    private final WebSocket socket;
    private final BlockingQueue<String> received;
    private final CompletableFuture<Integer> closed;

    private WsTestClient(HttpClient http, WebSocket socket, BlockingQueue<String> received, CompletableFuture<Integer> closed) {
        this.http = http;
        this.socket = socket;
        this.received = received;
        this.closed = closed;
    }

    static WsTestClient connect(int port) throws Exception {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        HttpClient http = HttpClient.newHttpClient();
        WebSocket ws = http.newWebSocketBuilder().subprotocols("sip")
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        queue.add(text.toString());
                        text.setLength(0);
                    }
                    w.request(1);
                    return null;
                }

                @Override public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                    w.request(1);
                    return null;
                }

                @Override public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                    closed.complete(status);
                    return null;
                }

                @Override public void onError(WebSocket w, Throwable error) { closed.complete(-1); }
            }).get(20, TimeUnit.SECONDS); // a cold server on a loaded box: seconds for its first handshake
        return new WsTestClient(http, ws, queue, closed);
    }

    WebSocket socket() { return socket; }

    void send(String message) throws Exception { socket.sendText(message, true).get(5, TimeUnit.SECONDS); }

    /** The next message received within {@code seconds}, or null. */
    String next(int seconds) throws InterruptedException { return received.poll(seconds, TimeUnit.SECONDS); }

    /** Completes with the close status the server sent (-1: the connection broke). */
    CompletableFuture<Integer> closed() { return closed; }

    @Override public void close() {
        socket.abort();
        http.close();
    }
}
