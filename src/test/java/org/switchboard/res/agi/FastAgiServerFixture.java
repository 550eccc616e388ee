package org.switchboard.res.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.AgiServerThread;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.StaticMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;

/** asterisk-java's own FastAGI server on 127.0.0.1 and a free port, running one script for every request. */
final class FastAgiServerFixture implements AutoCloseable {
    final int port;
    private final AgiServerThread thread;

    FastAgiServerFixture(AgiScript script) {
        port = freePort();
        CountDownLatch listening = new CountDownLatch(1);
        DefaultAgiServer server = new DefaultAgiServer(new StaticMappingStrategy(script)) {
            @Override
            protected ServerSocketFacade createServerSocket() throws IOException {
                ServerSocketFacade s = super.createServerSocket();
                listening.countDown();
                return s;
            }
        };
        try {
            server.setAddress(InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setPort(port);
        thread = new AgiServerThread(server);
        thread.setDaemon(true);
        thread.startup();
        try {
            if (!listening.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("FastAGI server did not listen on " + port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() { thread.shutdown(); }
}
