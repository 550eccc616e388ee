package org.switchboard.net.ice;

/**
 * One ICE candidate (RFC 8445 §5.1; SDP {@code a=candidate} RFC 8839 §5.1, XEP-0176
 * {@code <candidate/>}). {@code type} is "host", "srflx", "prflx" or "relay"; {@code relAddr}
 * and {@code relPort} are null/0 for host candidates; {@code id} is XEP-0176's (any unique token).
 */
public record IceCandidate(String foundation, int component, String protocol, long priority,
                           String ip, int port, String type, String relAddr, int relPort, int generation, String id) {
    public IceCandidate {
        if (foundation == null || foundation.isEmpty()) throw new IllegalArgumentException("candidate without foundation");
        if (component < 1 || component > 256) throw new IllegalArgumentException("candidate component " + component);
        if (protocol == null) throw new IllegalArgumentException("candidate without protocol");
        if (priority < 0 || priority > 0xFFFFFFFFL) throw new IllegalArgumentException("candidate priority " + priority);
        if (ip == null || ip.isEmpty()) throw new IllegalArgumentException("candidate without address");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("candidate port " + port);
        if (type == null) throw new IllegalArgumentException("candidate without type");
        if (relPort < 0 || relPort > 65535) throw new IllegalArgumentException("candidate rport " + relPort);
    }

    public boolean isUdp() { return "udp".equalsIgnoreCase(protocol); }
}
