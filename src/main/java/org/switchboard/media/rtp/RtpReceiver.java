package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import org.switchboard.core.Frame;
import org.switchboard.media.codec.Codec;
import org.switchboard.media.codec.Codecs;

/**
 * The receiving half of one {@link RtpSession}, its transport's RTP handler: validates
 * each packet (RFC 3550 Appendix A.1), applies strict RTP and comedia source learning,
 * keeps the receive statistics (A.3, A.8), and then either relays the packet through the
 * bridged session untouched, or hands voice and RFC 4733 digits to the listener. Malformed
 * input is counted, never thrown. Event-loop confined, apart from the statistics getters.
 */
final class RtpReceiver implements RtpTransport.PacketHandler {
    private final RtpSession session;
    private final SequenceTracker tracker = new SequenceTracker(1);
    private byte[] in = new byte[2048];
    private volatile RtpSession.Format rxFormat;
    private Codec samplesCodec;     // only asked how many samples a payload holds
    private DtmfReceiver dtmf;
    private int remoteSsrc;
    private boolean haveSsrc;
    private volatile long packets;
    private volatile long dropped;
    private volatile long lastPacketMillis;

    RtpReceiver(RtpSession session) { this.session = session; }

    /** Asked how many samples a payload holds (the playout uses it too); event loop only. */
    Codec samplesCodec() { return samplesCodec; }

    long packets() { return packets; }
    long dropped() { return dropped; }
    long lastPacketMillis() { return lastPacketMillis; }
    long lost() { return Math.max(0, tracker.cumulativeLost()); }

    int jitterMs() {
        RtpSession.Format f = rxFormat;
        return f == null ? 0 : (int) ((long) tracker.jitter() * 1000 / f.clock());
    }

    @Override
    public void onPacket(ByteBuf content, InetSocketAddress from) {
        try {
            receive(content, from);
        } catch (RuntimeException e) {
            session.countBad(); // a listener's or a parser's failure never unwinds the transport
        }
    }

    private void receive(ByteBuf content, InetSocketAddress from) {
        int len = content.readableBytes();
        if (len > 65536) {
            session.countBad();
            return;
        }
        if (len > in.length) in = new byte[len];
        content.getBytes(content.readerIndex(), in, 0, len);
        if (!(RtpParser.parse(in, 0, len) instanceof RtpPacket rtp)) {
            session.countBad();
            return;
        }
        InetSocketAddress learned = session.learned();
        if (learned == null) {
            session.learn(from);
        } else if (session.strict && !learned.equals(from)) {
            dropped++; // strict RTP: not the source we learned
            return;
        }
        RtpSession.Format fmt = formatChanged(session.format());
        long now = session.engine().clock().millis();
        packets++;
        lastPacketMillis = now;
        session.received();
        if (!haveSsrc || rtp.ssrc() != remoteSsrc) {
            remoteSsrc = rtp.ssrc();
            haveSsrc = true;
        }
        tracker.update(rtp.sequence());
        if (fmt == null) {
            dropped++;
            return;
        }
        tracker.arrival(rtp.timestamp(), (int) (System.nanoTime() / 1000 * fmt.clock() / 1_000_000));
        int pt = rtp.payloadType();
        boolean voice = pt == fmt.payloadType();
        boolean event = !voice && pt == fmt.dtmfPayloadType();
        if (!voice && !event) {
            dropped++;
            return;
        }
        RtpSession other = session.bridge();
        // bridged to itself (Echo): voice goes straight back, digits go to the listener to be seen
        if (other != null && (voice || other != session) && relay(other, content, voice)) return;
        RtpPlayout jb = session.playout(fmt);
        if (voice && jb != null) {
            jb.put(rtp.sequence(), rtp.timestamp(), in, rtp.payloadOffset(), rtp.payloadLength());
        } else if (voice) {
            byte[] payload = rtp.payload();
            int samples = samplesCodec.samplesIn(payload, 0, payload.length);
            if (samples < 0) samples = fmt.ptimeMs() * fmt.sampleRate() / 1000;
            try {
                session.deliverVoice(new Frame.VoiceFrame(fmt.codec(), payload, samples));
            } catch (RuntimeException e) {
                session.listenerFailed(e);
            }
        } else {
            TelephoneEvent ev = TelephoneEvent.parse(in, rtp.payloadOffset(), rtp.payloadLength());
            if (ev == null) {
                session.countBad();
                return;
            }
            try {
                dtmf.onPacket(rtp.timestamp(), ev, now);
            } catch (RuntimeException e) {
                session.listenerFailed(e);
            }
        }
    }

    /** Passes the packet to {@code other}'s stream with its payload type; false when it cannot carry it. */
    private boolean relay(RtpSession other, ByteBuf content, boolean voice) {
        RtpSession.Format theirs = other.format();
        if (theirs == null || other.isClosed()) return false;
        int pt = voice ? theirs.payloadType() : theirs.dtmfPayloadType();
        if (pt < 0) return false; // they have no telephone-event: the digit goes to our listener
        other.sender().relay(content.retain(), pt, voice, false);
        return true;
    }

    /** Rebuilds what depends on the format after a (re-)configure. */
    private RtpSession.Format formatChanged(RtpSession.Format fmt) {
        if (fmt != null && fmt != rxFormat) {
            if (dtmf != null && dtmf.active()) dtmf.expire(Long.MAX_VALUE);
            if (rxFormat == null || !rxFormat.codec().equals(fmt.codec())) samplesCodec = Codecs.create(fmt.codec());
            if (rxFormat == null || rxFormat.clock() != fmt.clock() || dtmf == null) {
                dtmf = new DtmfReceiver(fmt.clock(), (long) session.dtmfTimeoutMs, new DtmfReceiver.Listener() {
                    @Override public void begin(char digit) {
                        session.listener.onDtmf(session, new Frame.DtmfFrame(digit, false, 0));
                    }

                    @Override public void end(char digit, int durationMillis) {
                        session.listener.onDtmf(session, new Frame.DtmfFrame(digit, true, durationMillis));
                    }
                });
            }
            rxFormat = fmt;
        }
        return rxFormat;
    }

    /** Ends a digit whose end packets never came (dtmftimeout); on the event loop. */
    void expireDtmf() {
        try {
            if (dtmf != null) dtmf.expire(session.engine().clock().millis());
        } catch (RuntimeException e) {
            session.listenerFailed(e);
        }
    }

    /** A report block for the source we receive, or null before any packet (§6.4). */
    RtcpPacket.ReportBlock reportBlock(int lsr, int dlsr) {
        return haveSsrc ? tracker.report(remoteSsrc, lsr, dlsr) : null;
    }
}
