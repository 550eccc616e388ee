package org.switchboard.channels.sip.transport;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.PbxLog;
import org.switchboard.res.http.WebSocketProtocol;

/**
 * One browser's WebSocket flow: its place in the admission until a request on it authenticates
 * (closed after tcpauthtimeout otherwise) and its message rate (a one-second window: past
 * {@link WsSipTransport#MESSAGES_PER_SECOND} messages are dropped, past
 * {@link WsSipTransport#CLOSE_AT} the connection is closed). Messages arrive on the connection's
 * event loop; {@link #authenticated} and the timer may run elsewhere, hence the lock.
 */
final class WsSipConnection implements WebSocketProtocol.Session {
    private final WsSipTransport transport;
    private final WebSocketProtocol.Peer peer;
    private final String who;
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    private boolean holdsPlace = true;
    private boolean open = true;
    private ScheduledFuture<?> authTimer;
    private long windowStart;
    private int inWindow;
    private boolean floodLogged;
    private boolean flooded; // closing for a flood: what is still buffered is dropped unread

    WsSipConnection(WsSipTransport transport, WebSocketProtocol.Peer peer) {
        this.transport = transport;
        this.peer = peer;
        this.who = peer.remote().getAddress().getHostAddress() + ":" + peer.remote().getPort();
    }

    WebSocketProtocol.Peer peer() { return peer; }

    void start(ScheduledExecutorService timers, Duration authTimeout) {
        authTimer = timers.schedule(this::authTimedOut, authTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void authTimedOut() {
        lock.lock();
        try {
            if (!holdsPlace || !open) return;
        } finally {
            lock.unlock();
        }
        PeerLog.log(PbxLog.Level.NOTICE, WsSipTransport.LOG, peer.remote(), "Closing WebSocket from " + who
            + ": no authenticated request in time (tcpauthtimeout)");
        peer.close(1008, "authentication timeout");
    }

    void authenticated() {
        boolean release;
        lock.lock();
        try {
            release = holdsPlace && open;
            holdsPlace = false;
        } finally {
            lock.unlock();
        }
        if (release) {
            ScheduledFuture<?> t = authTimer;
            if (t != null) t.cancel(false);
            transport.releasePlace(this);
        }
    }

    @Override
    public void onMessage(byte[] payload, boolean text) {
        if (flooded) return;
        long now = System.nanoTime();
        if (now - windowStart > 1_000_000_000L) {
            windowStart = now;
            inWindow = 0;
            floodLogged = false;
        }
        inWindow++;
        if (inWindow > WsSipTransport.CLOSE_AT) {
            flooded = true;
            PeerLog.log(PbxLog.Level.WARNING, WsSipTransport.LOG, peer.remote(), "Closing WebSocket from " + who + ": over "
                + WsSipTransport.CLOSE_AT + " messages in a second");
            peer.close(1008, "flood");
            return;
        }
        if (inWindow > WsSipTransport.MESSAGES_PER_SECOND) {
            if (!floodLogged) {
                floodLogged = true;
                PeerLog.log(PbxLog.Level.WARNING, WsSipTransport.LOG, peer.remote(), "WebSocket flood from " + who + ": over "
                    + WsSipTransport.MESSAGES_PER_SECOND + " messages in a second; dropping them");
            }
            return;
        }
        transport.received(this, payload);
    }

    @Override
    public void onClose() {
        boolean held;
        lock.lock();
        try {
            open = false;
            held = holdsPlace;
            holdsPlace = false;
        } finally {
            lock.unlock();
        }
        ScheduledFuture<?> t = authTimer;
        if (t != null) t.cancel(false);
        transport.closed(this, held);
    }
}
