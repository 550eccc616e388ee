package org.switchboard.net.ice;

import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Component;
import org.ice4j.ice.HostCandidate;
import org.ice4j.socket.IceSocketWrapper;

/**
 * A host candidate on one of our Netty sockets. ice4j would filter STUN out of a multiplexing
 * socket of its own; ours is demultiplexed already, so STUN (checks, and a STUN server's answer
 * for the server-reflexive candidate) uses the socket as it is.
 */
final class NettyHostCandidate extends HostCandidate {
    private final NettyIceSocket socket;

    NettyHostCandidate(NettyIceSocket socket, Component component) {
        super(socket, component, Transport.UDP);
        this.socket = socket;
    }

    @Override
    public IceSocketWrapper getStunSocket(TransportAddress serverAddress) { return socket; }

    NettyIceSocket nettySocket() { return socket; }
}
