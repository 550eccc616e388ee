package org.switchboard.media.rtp;

import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.core.Frame;
import org.switchboard.core.MediaStream;
import org.switchboard.core.PbxLog;
import org.switchboard.media.codec.Codecs;

/**
 * One audio stream of one call leg (RFC 3550): sequence, SSRC, timestamps, RTCP, RFC 4733
 * digits, the jitter buffer, over an {@link RtpTransport} that only moves packets (plain UDP
 * from {@link RtpEngine#open(Listener)}, any other from {@link RtpEngine#open(RtpTransport, Listener)}).
 * Received voice and digits go to the {@link Listener}; {@link #write} and {@link #sendDtmf}
 * send towards the peer; {@link #relayWith} passes packets between two sessions without
 * decoding them (native bridging), whatever transports carry them.
 *
 * <p>Threads: receiving, relaying and sending happen on the transport's event loop;
 * {@link #write}, {@link #sendDtmf} and the setters may be called from any thread.
 */
public final class RtpSession implements MediaStream, AutoCloseable {
    /** What a session delivers; called on its event loop (onTimeout: on the engine timer). */
    public interface Listener {
        void onVoice(RtpSession s, Frame.VoiceFrame f);
        void onDtmf(RtpSession s, Frame.DtmfFrame f);
        default void onTimeout(RtpSession s) {}
    }

    /** The negotiated format; replaced as a whole so a packet sees one consistent value. */
    record Format(String codec, int payloadType, int dtmfPayloadType, int ptimeMs, int clock, int sampleRate) {}

    private final RtpEngine engine;
    private final RtpTransport transport;
    private final EventExecutor loop;
    final Listener listener;
    final boolean strict;
    final int dtmfTimeoutMs;
    private final RtpSender sender = new RtpSender(this);
    private final RtcpReporter rtcp = new RtcpReporter(this);
    private final RtpReceiver receiver;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong bad = new AtomicLong();
    private volatile long lastBadWarning;
    private volatile long lastListenerWarning;
    private final String cname;

    private volatile Format format;
    private volatile InetSocketAddress remote;
    private volatile InetSocketAddress learned;   // set by the receiver once a valid packet arrived
    private volatile boolean comedia;
    private volatile boolean held;
    private volatile RtpSession bridge;
    private volatile int rtpTimeoutSec;
    private volatile int holdTimeoutSec;
    private volatile long remoteSetMillis;
    private volatile boolean timedOut;
    private volatile boolean jbEnabled;
    private volatile int jbMaxMs = 200;
    private volatile boolean jbAdaptive = true;
    private volatile InbandDtmf inband;   // dtmfmode=inband: digits found in the received audio
    private RtpPlayout playout;           // event loop only
    private Format playoutFormat;

    RtpSession(RtpEngine engine, RtpTransport transport, Listener listener, boolean strict, int dtmfTimeoutMs) {
        this.engine = engine;
        this.transport = transport;
        this.loop = transport.eventLoop();
        this.listener = listener;
        this.strict = strict;
        this.dtmfTimeoutMs = dtmfTimeoutMs;
        this.receiver = new RtpReceiver(this);
        InetSocketAddress local = transport.localAddress();
        this.cname = "switchboard@" + local.getAddress().getHostAddress() + ":" + local.getPort();
    }

    /** Packets start to arrive (once the engine has registered the session). */
    void start() { transport.receive(receiver, rtcp); }

    public InetSocketAddress localAddress() { return transport.localAddress(); }

    public int localPort() { return transport.localAddress().getPort(); }

    /** What carries this stream: UDP or secured, RTCP on its own port or multiplexed. */
    public RtpTransport.Capabilities transportCapabilities() { return transport.capabilities(); }

    /**
     * Where to send RTP, from the peer's SDP; RTCP goes to its port+1 (to this address under
     * rtcp-mux) until RTCP arrives from elsewhere.
     */
    public void setRemote(InetSocketAddress rtp) {
        remote = rtp;
        learned = null; // a new offer: strict RTP learns the source again
        remoteSetMillis = engine.clock().millis();
        timedOut = false;
    }

    /** Symmetric RTP (comedia): once a valid packet arrives, send to where it came from. */
    public void setComedia(boolean comedia) { this.comedia = comedia; }

    /**
     * The negotiated codec (Asterisk name), its payload type, the telephone-event payload type
     * (-1: none) and the packet time. RTP clock: 8000 for ulaw, alaw and g722 (RFC 3551 §4.5.2:
     * G.722's clock is 8000 though it samples at 16 kHz), 48000 for opus (RFC 7587 §4.1).
     * May be called again (re-INVITE); the next packet we send has the marker bit.
     */
    public void configure(String codec, int payloadType, int dtmfPayloadType, int ptimeMs) {
        if (!Codecs.isKnown(codec)) throw new IllegalArgumentException("unknown codec '" + codec + "'");
        if (payloadType < 0 || payloadType > 127 || dtmfPayloadType > 127) {
            throw new IllegalArgumentException("payload type " + payloadType + "/" + dtmfPayloadType);
        }
        int clock = switch (codec) {
            case "ulaw", "alaw", "g722", "slin" -> 8000;
            case "opus", "slin48" -> 48000;
            default -> Codecs.sampleRate(codec);
        };
        format = new Format(codec, payloadType, dtmfPayloadType, ptimeMs > 0 ? ptimeMs : 20, clock,
            Codecs.sampleRate(codec));
    }

    /** Sends one frame of voice, transcoding it when its codec is not ours; dropped without a remote or on hold. */
    public void write(Frame.VoiceFrame f) { sender.write(f); }

    /**
     * Sends a key press: as RFC 4733 events, or with {@link #setInbandDtmf} as tones in the audio;
     * false when neither can be sent (no telephone-event negotiated, not a DTMF digit).
     */
    public boolean sendDtmf(char digit, int durationMs) {
        return inband != null ? sender.sendInbandDtmf(digit, durationMs) : sender.sendDtmf(digit, durationMs);
    }

    /**
     * DTMF in the audio ({@code dtmfmode=inband}): digits are found in the received voice and
     * reach the listener as DTMF frames, and {@link #sendDtmf} plays them as tones. Such a session
     * is never natively relayed, so that its audio passes the detector.
     */
    public void setInbandDtmf(boolean on) {
        if (on == (inband != null)) return;
        inband = on ? new InbandDtmf(this) : null;
    }

    public boolean inbandDtmf() { return inband != null; }

    /** Hands received voice to the listener, through the in-band detector when on; event loop. */
    void deliverVoice(Frame.VoiceFrame f) {
        InbandDtmf d = inband;
        if (d != null) d.onVoice(f);
        listener.onVoice(this, f);
    }

    /** On hold nothing is sent, and the hold timeout applies. */
    public void setHold(boolean held) { this.held = held; }

    /**
     * A jitter buffer for the voice this session hands to its listener (chan_sip's
     * {@code jbenable}/{@code jbmaxsize}/{@code jbimpl}); packets relayed to a bridged session
     * skip it. Call before media flows.
     */
    public void setJitterBuffer(boolean enabled, int maxSizeMs, boolean adaptive) {
        jbEnabled = enabled;
        jbMaxMs = Math.max(40, maxSizeMs);
        jbAdaptive = adaptive;
    }

    /** The playout for {@code fmt} (made on first use, on the event loop), or null without a jitter buffer. */
    RtpPlayout playout(Format fmt) {
        if (!jbEnabled || fmt == null) return null;
        if (playout == null || playoutFormat != fmt) {
            if (playout != null) playout.stop();
            playout = new RtpPlayout(this, jbMaxMs, jbAdaptive, fmt.ptimeMs());
            playoutFormat = fmt;
            playout.start(loop);
        }
        return playout;
    }

    org.switchboard.media.codec.Codec samplesProbe() { return receiver.samplesCodec(); }

    /** chan_sip's rtptimeout and rtpholdtimeout in seconds (0: never); counted once the remote is set. */
    public void setTimeouts(int rtpTimeoutSec, int rtpHoldTimeoutSec) {
        this.rtpTimeoutSec = Math.max(0, rtpTimeoutSec);
        this.holdTimeoutSec = Math.max(0, rtpHoldTimeoutSec);
        remoteSetMillis = engine.clock().millis(); // silence counts from now (a call is armed when answered)
        timedOut = false;
    }

    /**
     * True when packets can pass between the two sessions untouched: both configured with the
     * same codec, both open, and both transports hand the stream plain RTP it may relay.
     */
    public boolean canBridge(RtpSession other) {
        Format a = format, b = other == null ? null : other.format;
        return other != this && a != null && b != null && a.codec().equals(b.codec())
            && relayable() && other.relayable() && inband == null && other.inband == null;
    }

    private boolean relayable() { return !closed.get() && transport.capabilities().relay(); }

    /**
     * Relays voice and telephone-event packets received here through {@code other}'s stream to
     * its peer, instead of to the listener; null ends it. One direction: {@link #relayWith} does both.
     */
    public void bridgeTo(RtpSession other) {
        boolean echo = other == this && format != null && relayable(); // bridged to itself: Echo() without decoding
        if (other != null && !echo && !canBridge(other)) {
            throw new IllegalArgumentException("cannot bridge " + codec() + " to " + other.codec());
        }
        RtpSession old = bridge;
        bridge = other;
        if (other != null && other != old) other.sender().sourceChanged(); // §8.2: a new source behind their stream
    }

    @Override
    public boolean canRelay(MediaStream other) { return other instanceof RtpSession o && canBridge(o); }

    @Override
    public boolean relayWith(MediaStream other) {
        if (!(other instanceof RtpSession o) || !canBridge(o)) return false;
        RtpSession mine = bridge, theirs = o.bridge;
        if ((mine != null && mine != o) || (theirs != null && theirs != this)) return false; // one relay at a time
        bridgeTo(o);
        o.bridgeTo(this);
        return true;
    }

    @Override
    public boolean echo() {
        RtpSession b = bridge;
        if (format == null || !relayable() || inband != null || (b != null && b != this)) return false;
        bridgeTo(this); // each packet back to its sender, with our SSRC and sequence
        return true;
    }

    /** The session packets received here are relayed through (this one under echo), or null. */
    public RtpSession relayPeer() { return bridge; }

    @Override
    public void endRelay() {
        RtpSession o = bridge;
        bridge = null;
        if (o != null && o != this && o.bridge == this) o.bridge = null; // its packets go up as frames again
    }

    public long packetsReceived() { return receiver.packets(); }
    public long packetsSent() { return sender.packets(); }
    public long packetsLost() { return receiver.lost(); }
    public int jitterMs() { return receiver.jitterMs(); }
    /** Malformed RTP and RTCP datagrams. */
    public long badPackets() { return bad.get(); }
    /** SRTP packets the transport dropped for a bad authentication tag (or a replay). */
    public long srtpAuthFailures() { return transport.srtpAuthFailures(); }
    /** Valid packets dropped: from a source strict RTP does not accept, or with a payload type not negotiated. */
    public long packetsDropped() { return receiver.dropped(); }
    public long rtcpReceived() { return rtcp.received(); }
    public long rtcpSent() { return rtcp.sent(); }

    /** The negotiated codec's name, or null before {@link #configure}. */
    public String codec() {
        Format f = format;
        return f == null ? null : f.codec();
    }

    public boolean isClosed() { return closed.get(); }

    /** Ends the session and a relay it is in, and closes its transport (UDP: its sockets go back to the pool); idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        endRelay();
        sender.cancel();
        engine.unregister(this);
        RtpPlayout p = playout;
        if (p != null) {
            try {
                loop.execute(p::stop);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the loop is shutting down: the playout clock stops with it
            }
        }
        transport.close();
    }

    @Override
    public String toString() {
        return "RtpSession[" + transport + " " + codec() + " -> " + sendAddress() + "]";
    }

    // ---- package-private plumbing for the receiver, sender and RTCP reporter ----

    RtpEngine engine() { return engine; }
    EventExecutor loop() { return loop; }
    RtpTransport transport() { return transport; }
    RtpSender sender() { return sender; }
    Format format() { return format; }
    RtpSession bridge() { return bridge; }
    String cname() { return cname; }
    boolean comedia() { return comedia; }
    InetSocketAddress learned() { return learned; }

    /** Where packets go: the learned source under comedia, else the SDP address. */
    InetSocketAddress sendAddress() {
        InetSocketAddress l = learned;
        return comedia && l != null ? l : remote;
    }

    boolean canSend() { return !held && !closed.get() && sendAddress() != null; }

    /** The receiver learned the packets' source (first valid packet since the remote was set). */
    void learn(InetSocketAddress source) {
        learned = source;
        if (comedia && !source.equals(remote)) {
            PbxLog.verbose(3, "RTP NAT: Using address " + source.getAddress().getHostAddress() + ":"
                + source.getPort() + " for RTP");
        }
    }

    void received() {
        if (timedOut) timedOut = false; // a read, not a write, per packet
    }

    void countBad() {
        bad.incrementAndGet();
        long now = System.currentTimeMillis();
        if (now - lastBadWarning > 60_000) { // one line a minute at most, never one per packet
            lastBadWarning = now;
            PbxLog.warning("rtp", "dropping malformed RTP/RTCP on " + transport + " (" + bad.get() + " so far)");
        }
    }

    /** A listener threw: logged at most once a minute, and the packet counts as delivered. */
    void listenerFailed(RuntimeException e) {
        long now = System.currentTimeMillis();
        if (now - lastListenerWarning > 60_000) {
            lastListenerWarning = now;
            PbxLog.warning("rtp", "listener of RTP " + transport + " failed: " + e);
        }
    }

    RtcpPacket.ReportBlock reportBlock(int lsr, int dlsr) { return receiver.reportBlock(lsr, dlsr); }

    /** Every second on the engine timer: the RTP timeout, and digits whose end packets were lost. */
    void tick(long now) {
        if (closed.get()) return;
        loop.execute(receiver::expireDtmf);
        int limit = held ? holdTimeoutSec : rtpTimeoutSec;
        if (limit <= 0 || remote == null || timedOut) return;
        long since = Math.max(receiver.lastPacketMillis(), remoteSetMillis);
        if (now - since >= limit * 1000L) {
            timedOut = true;
            try {
                listener.onTimeout(this);
            } catch (RuntimeException e) {
                listenerFailed(e);
            }
        }
    }

    /** Every report interval on the engine timer: an RTCP report, built on the event loop. */
    void scheduleRtcp() {
        if (!closed.get()) loop.execute(rtcp::report);
    }
}
