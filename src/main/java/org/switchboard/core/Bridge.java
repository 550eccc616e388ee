package org.switchboard.core;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two channels talking: every frame read from one is written to the other until one hangs up.
 * Runs on the thread of the channel that owns the bridge (Dial's caller); the peer's frames
 * arrive through a listener, so one thread serves both directions without polling.
 */
public final class Bridge {
    /** How a bridge ended. */
    public enum End { CALLER_HUNG_UP, PEER_HUNG_UP, LIMIT_REACHED }

    private record Item(boolean fromPeer, Frame frame) {}

    private static final AtomicLong IDS = new AtomicLong();

    private Bridge() {}

    /**
     * @param limitMs hang up after this long (Dial's L option); 0 for no limit
     */
    public static End run(Channel caller, Channel peer, long limitMs) {
        Pbx pbx = caller.pbx();
        String id = String.format("%08x-0000-0000-0000-%012x", IDS.incrementAndGet(), System.nanoTime() & 0xffffffffffffL);
        LinkedBlockingQueue<Item> q = new LinkedBlockingQueue<>();
        caller.setBridgedPeer(peer);
        peer.setBridgedPeer(caller);
        bridgeEvent(pbx, "BridgeCreate", id, null);
        bridgeEvent(pbx, "BridgeEnter", id, caller);
        bridgeEvent(pbx, "BridgeEnter", id, peer);
        peer.setFrameListener(f -> q.offer(new Item(true, f)));
        caller.setFrameListener(f -> q.offer(new Item(false, f)));
        MediaStream nativeMedia = null;
        long deadline = limitMs > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMs) : Long.MAX_VALUE;
        End end;
        boolean callerHeld = false, peerHeld = false; // a HOLD passed to that leg and no UNHOLD yet
        try {
            nativeMedia = startNativeMedia(caller, peer);
            for (;;) {
                try {
                    if (caller.isHangupRequested()) { end = End.CALLER_HUNG_UP; break; }
                    if (peer.isHangupRequested() || peer.isDestroyed()) { end = End.PEER_HUNG_UP; break; }
                    long wait = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
                    if (wait <= 0) { end = End.LIMIT_REACHED; break; }
                    Item it = q.poll(Math.min(wait, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
                    if (it == null || it.frame() instanceof Frame.NullFrame) continue;   // a wake-up: the loop head looks
                    Channel to = it.fromPeer() ? caller : peer;
                    if (it.frame() instanceof Frame.ControlFrame cf) {
                        if (cf.control() == Frame.Control.HANGUP) {
                            end = it.fromPeer() ? End.PEER_HUNG_UP : End.CALLER_HUNG_UP;
                            break;
                        }
                        if (cf.control() == Frame.Control.HOLD || cf.control() == Frame.Control.UNHOLD) {
                            if (to == caller) callerHeld = cf.control() == Frame.Control.HOLD;
                            else peerHeld = cf.control() == Frame.Control.HOLD;
                        }
                        to.indicate(cf.control());
                    } else {
                        to.write(it.frame());
                    }
                } catch (InterruptedException e) {
                    // wake-ups arrive as NULL frames, never as interrupts; whoever interrupts
                    // gets the same answer: the loop head decides
                }
            }
        } finally {
            if (nativeMedia != null) nativeMedia.endRelay();
            // a leg still hearing its far side's hold (music on hold) stops hearing it with the bridge
            if (callerHeld) caller.indicate(Frame.Control.UNHOLD);
            if (peerHeld) peer.indicate(Frame.Control.UNHOLD);
            peer.setFrameListener(null);
            caller.setFrameListener(null);
            caller.setBridgedPeer(null);
            peer.setBridgedPeer(null);
        }
        bridgeEvent(pbx, "BridgeLeave", id, caller);
        bridgeEvent(pbx, "BridgeLeave", id, peer);
        bridgeEvent(pbx, "BridgeDestroy", id, null);
        return end;
    }

    /**
     * Relays the two legs' packet streams to each other when they agree (codec, transport),
     * whatever technology each leg is; returns the caller's stream then, else null (frames, transcoded).
     */
    private static MediaStream startNativeMedia(Channel caller, Channel peer) {
        MediaStream a = caller.tech().mediaStream(caller);
        MediaStream b = peer.tech().mediaStream(peer);
        if (a == null || b == null || !a.relayWith(b)) return null;
        PbxLog.verbose(3, "Native RTP bridge of " + caller.name() + " and " + peer.name() + " (" + a.codec()
            + ", no transcoding)");
        return a;
    }

    private static void bridgeEvent(Pbx pbx, String name, String id, Channel c) {
        if (!pbx.events().hasSubscribers()) return;
        ManagerEvent.Builder b = ManagerEvent.of(name, "call").put("BridgeUniqueid", id).put("BridgeType", "basic")
                .put("BridgeTechnology", "simple_bridge").put("BridgeCreator", "<unknown>").put("BridgeName", "<unknown>")
                .put("BridgeNumChannels", c == null ? 0 : 2).put("BridgeVideoSourceMode", "none");
        if (c != null) b.channel(c);
        pbx.events().publish(b.build());
    }
}
