package org.switchboard.media.rtp;

/** STUB until the real one lands. */
public final class RtpEngine implements AutoCloseable {
    private final java.net.InetAddress bind;
    public RtpEngine(java.net.InetAddress bindAddress, RtpConfig cfg) { bind = bindAddress; }
    public RtpSession open(RtpSession.Listener l) throws java.io.IOException { return new RtpSession(bind); }
    public int activeSessions() { return 0; }
    @Override public void close() {}
}
