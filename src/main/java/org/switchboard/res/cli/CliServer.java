package org.switchboard.res.cli;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * The control socket (Asterisk's asterisk.ctl): a Unix domain socket that {@code switchboard -r}
 * and {@code -rx} connect to, speaking {@link CliProtocol}. One virtual thread per client; what a
 * client sends can make it lose its own connection, never the server. The socket lives in a folder
 * only its owner may enter, and is removed when the server stops.
 */
public final class CliServer implements AutoCloseable {
    /** Clients beyond this many are refused with an error line. */
    public static final int MAX_CLIENTS = 128;
    private static final long STOP_WAIT_MS = 2000;

    private final Path socketPath;
    private final CliDispatcher dispatcher;
    private final Set<CliSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile ServerSocketChannel server;
    private volatile boolean stopping;
    private Path createdDir;
    private Thread acceptor;

    public CliServer(Pbx pbx, Path socketPath) {
        this.socketPath = socketPath.toAbsolutePath();
        this.dispatcher = new CliDispatcher(pbx);
    }

    public Path socketPath() { return socketPath; }

    /**
     * Binds the socket and starts accepting. A socket file left by a PBX that died is replaced;
     * one that still answers belongs to a running PBX and is an error.
     */
    public synchronized void start() throws IOException {
        if (server != null) throw new IllegalStateException("already started");
        Path dir = socketPath.getParent();
        if (!Files.isDirectory(dir)) {
            createDirectory(dir);
            createdDir = dir;
        }
        if (Files.exists(socketPath)) {
            if (isAlive(socketPath)) throw new IOException("Switchboard is already running on " + socketPath);
            Files.delete(socketPath);
            PbxLog.notice("asterisk.c", "Removed the stale control socket " + socketPath);
        }
        ServerSocketChannel ssc = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ssc.bind(UnixDomainSocketAddress.of(socketPath));
        } catch (IOException e) {
            ssc.close();
            throw new IOException("Unable to bind the control socket " + socketPath + ": " + e.getMessage(), e);
        }
        server = ssc;
        acceptor = Thread.ofVirtual().name("cli-accept").start(PbxLog.carried(this::acceptLoop));
    }

    private static void createDirectory(Path dir) throws IOException {
        try {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            // created by someone else in the meantime
        }
    }

    /** True when something accepts connections on that socket path. */
    public static boolean isAlive(Path socket) {
        try (SocketChannel sc = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return sc.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private void acceptLoop() {
        int n = 0;
        while (!stopping) {
            SocketChannel sc;
            try {
                sc = server.accept();
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException e) {
                if (stopping) break;
                PbxLog.warning("asterisk.c", "Control socket accept failed: " + e.getMessage());
                continue;
            }
            if (stopping || sessions.size() >= MAX_CLIENTS) {
                refuse(sc, stopping ? "the server is stopping" : "too many clients (" + MAX_CLIENTS + ")");
                continue;
            }
            CliSession s = new CliSession(this, sc, dispatcher);
            sessions.add(s);
            PbxLog.verbose(3, "Remote UNIX connection");
            Thread.ofVirtual().name("cli-client-" + (++n)).start(PbxLog.carried(s));
        }
    }

    private static void refuse(SocketChannel sc, String why) {
        try (sc) {
            sc.write(StandardCharsets.UTF_8.encode(CliProtocol.line(CliProtocol.ERROR, why) + "\n"
                    + CliProtocol.line(CliProtocol.DONE, "error") + "\n"));
        } catch (IOException e) {
            // it is gone already
        }
    }

    void removed(CliSession s) {
        if (sessions.remove(s) && !stopping) PbxLog.verbose(3, "Remote UNIX connection disconnected");
    }

    /** Clients connected now. */
    public int clientCount() { return sessions.size(); }

    /** Stops accepting, lets each client finish the command it runs (briefly), closes them, removes the socket. */
    public void stop() {
        ServerSocketChannel ssc;
        synchronized (this) {
            if (stopping || server == null) return;
            stopping = true;
            ssc = server;
        }
        try {
            ssc.close();
        } catch (IOException e) {
            // closing anyway
        }
        if (acceptor != null) {
            try {
                acceptor.join(STOP_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (CliSession s : sessions) s.shutdown(STOP_WAIT_MS);
        sessions.clear();
        try {
            Files.deleteIfExists(socketPath);
            if (createdDir != null) Files.deleteIfExists(createdDir);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // someone put something else there: leave the folder
        } catch (IOException e) {
            PbxLog.warning("asterisk.c", "Unable to remove the control socket " + socketPath + ": " + e.getMessage());
        }
    }

    @Override
    public void close() { stop(); }
}
