package org.switchboard.media.rtp;

import org.switchboard.core.Frame;

/** STUB until the real one lands. */
public final class RtpSession implements AutoCloseable {
    public interface Listener {
        void onVoice(RtpSession s, Frame.VoiceFrame f);
        void onDtmf(RtpSession s, Frame.DtmfFrame f);
        default void onTimeout(RtpSession s) {}
    }
    private final java.net.InetAddress bind;
    private static int next = 20000;
    private final int port = next += 2;
    RtpSession(java.net.InetAddress b) { bind = b; }
    public java.net.InetSocketAddress localAddress() { return new java.net.InetSocketAddress(bind, port); }
    public int localPort() { return port; }
    public void setRemote(java.net.InetSocketAddress rtp) {}
    public void setComedia(boolean c) {}
    public void configure(String codec, int pt, int dtmfPt, int ptimeMs) {}
    public void write(Frame.VoiceFrame f) {}
    public boolean sendDtmf(char digit, int durationMs) { return true; }
    public void setHold(boolean held) {}
    public void setTimeouts(int rtpTimeoutSec, int holdTimeoutSec) {}
    public boolean canBridge(RtpSession other) { return false; }
    public void bridgeTo(RtpSession other) {}
    public long packetsReceived() { return 0; }
    public long packetsSent() { return 0; }
    public long packetsLost() { return 0; }
    public int jitterMs() { return 0; }
    public long badPackets() { return 0; }
    public String codec() { return "ulaw"; }
    @Override public void close() {}
}
