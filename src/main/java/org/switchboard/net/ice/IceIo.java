package org.switchboard.net.ice;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The I/O threads of every ICE + DTLS-SRTP transport in the process ({@code ice-io-N}, daemon):
 * two, as for plain RTP, each reading and writing many calls' sockets. Made on first use; they
 * hold no state of any PBX, so two PBXs in one JVM share them as they share the CPU.
 */
final class IceIo {
    private static volatile EventLoopGroup group;

    private IceIo() {}

    static EventLoopGroup group() {
        EventLoopGroup g = group;
        if (g == null) {
            synchronized (IceIo.class) { // creating the group starts no blocking work
                g = group;
                if (g == null) {
                    AtomicInteger n = new AtomicInteger();
                    group = g = new MultiThreadIoEventLoopGroup(2, r -> {
                        Thread t = new FastThreadLocalThread(r, "ice-io-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }, NioIoHandler.newFactory());
                }
            }
        }
        return g;
    }
}
