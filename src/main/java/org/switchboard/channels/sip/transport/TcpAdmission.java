package org.switchboard.channels.sip.transport;

import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.core.PbxLog;

/**
 * Counts unauthenticated incoming TCP connections, in all and per remote address, and refuses a
 * new one over {@link TcpLimits#authLimit()} or {@link TcpLimits#authLimitPerAddress()}. When a
 * cap starts to bite it says so in one log line (rate-limited per address); it stays quiet while
 * it keeps biting and speaks again only after the count has dropped below the cap. Thread-safe:
 * connections are accepted on several event loops.
 */
final class TcpAdmission {
    static final String LOG = "sip.tcp";

    private final TcpLimits limits;
    private final String kind; // "TCP", "WebSocket": what the log lines call a connection
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();
    private final AtomicBoolean totalBiting = new AtomicBoolean();
    private final Set<InetAddress> addressesBiting = ConcurrentHashMap.newKeySet();

    TcpAdmission(TcpLimits limits) { this(limits, "TCP"); }

    TcpAdmission(TcpLimits limits, String kind) {
        this.limits = limits;
        this.kind = kind;
    }

    /** Takes a place for a new connection from {@code remote}; false (and maybe one log line) when it is refused. */
    boolean admit(InetAddress remote) {
        boolean[] placed = new boolean[1];
        byAddress.compute(remote, (a, n) -> {
            int count = n == null ? 0 : n;
            if (count >= limits.authLimitPerAddress()) return n;
            placed[0] = true;
            return count + 1;
        });
        String who = remote.getHostAddress();
        if (!placed[0]) {
            if (addressesBiting.add(remote)) {
                PbxLog.limited(PbxLog.Level.WARNING, LOG, who, "Refusing " + kind + " connections from " + who + ": "
                    + limits.authLimitPerAddress() + " unauthenticated connections from it are open (tcpauthlimitperaddress)");
            }
            return false;
        }
        if (open.incrementAndGet() > limits.authLimit()) {
            open.decrementAndGet();
            releaseAddress(remote);
            if (totalBiting.compareAndSet(false, true)) {
                PbxLog.limited(PbxLog.Level.WARNING, LOG, who, "Refusing " + kind + " connections (first from " + who + "): "
                    + limits.authLimit() + " unauthenticated connections are open (tcpauthlimit)");
            }
            return false;
        }
        return true;
    }

    /** Gives back the place of a connection from {@code remote}: it authenticated or closed. */
    void release(InetAddress remote) {
        if (open.decrementAndGet() < limits.authLimit()) totalBiting.set(false);
        releaseAddress(remote);
    }

    private void releaseAddress(InetAddress remote) {
        Integer left = byAddress.computeIfPresent(remote, (a, n) -> n <= 1 ? null : n - 1);
        if (left == null || left < limits.authLimitPerAddress()) addressesBiting.remove(remote);
    }

    /** Unauthenticated connections holding a place now. */
    int unauthenticated() { return open.get(); }
}
