package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The RTCP half of one {@link RtpSession} (RFC 3550 §6), its transport's RTCP handler: reads
 * compound packets, remembering the peer's last SR for our LSR/DLSR (§6.4.1) and where its RTCP
 * comes from; and every report interval sends an SR (once we have sent RTP) or an RR, with a
 * report block for the source we receive and an SDES CNAME (§6.1: every compound carries one),
 * to the RTP port+1 (§11) or, under rtcp-mux, the RTP address itself (RFC 5761 §4).
 */
final class RtcpReporter implements RtpTransport.PacketHandler {
    private static final long NTP_EPOCH_OFFSET = 2_208_988_800L; // 1900-01-01 to 1970-01-01, seconds

    private final RtpSession session;
    private final byte[] in = new byte[2048];
    private final byte[] out = new byte[512];
    private volatile int lastSr;            // middle 32 bits of the last SR's NTP time
    private volatile long lastSrNanos;
    private volatile InetSocketAddress learnedSource;
    private volatile long received;
    private volatile long sent;

    RtcpReporter(RtpSession session) { this.session = session; }

    long received() { return received; }
    long sent() { return sent; }
    int lastSr() { return lastSr; }

    @Override
    public void onPacket(ByteBuf b, InetSocketAddress from) {
        try {
            int len = b.readableBytes();
            if (len > in.length) {
                session.countBad();
                return;
            }
            b.getBytes(b.readerIndex(), in, 0, len);
            if (!(RtcpParser.parse(in, 0, len) instanceof RtcpParser.Compound c)) {
                session.countBad();
                return;
            }
            for (RtcpPacket packet : c.packets()) {
                if (packet instanceof RtcpPacket.SenderReport sr) {
                    lastSr = sr.compactNtp();
                    lastSrNanos = System.nanoTime();
                }
            }
            received++;
            learnedSource = from;
        } catch (RuntimeException e) {
            session.countBad();
        }
    }

    /** Sends one report now; runs on the session's event loop. */
    void report() {
        InetSocketAddress rtp = session.sendAddress();
        RtpSession.Format fmt = session.format();
        RtpTransport transport = session.transport();
        if (session.isClosed() || fmt == null || (rtp == null && learnedSource == null)) return;
        InetSocketAddress to = learnedSource != null ? learnedSource
            : transport.capabilities().rtcpMux() ? rtp : new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1);
        long now = System.currentTimeMillis();
        int dlsr = 0;
        if (lastSrNanos != 0) dlsr = (int) ((System.nanoTime() - lastSrNanos) * 65536 / 1_000_000_000L); // 1/65536 s
        RtcpPacket.ReportBlock block = session.reportBlock(lastSrNanos != 0 ? lastSr : 0, dlsr);
        List<RtcpPacket.ReportBlock> blocks = block == null ? List.of() : List.of(block);
        RtpSender tx = session.sender();
        List<RtcpPacket> compound = new ArrayList<>(2);
        if (tx.packets() > 0) {
            compound.add(new RtcpPacket.SenderReport(tx.ssrc, ntp(now), tx.timestampNow(now, fmt.clock()),
                (int) tx.packets(), (int) tx.octets(), blocks));
        } else {
            compound.add(new RtcpPacket.ReceiverReport(tx.ssrc, blocks));
        }
        compound.add(new RtcpPacket.SourceDescription(List.of(new RtcpPacket.SdesChunk(tx.ssrc,
            List.of(new RtcpPacket.SdesItem(RtcpPacket.SdesItem.CNAME, session.cname()))))));
        int n = RtcpWriter.writeCompound(compound, out, 0);
        if (n < 0) return;
        ByteBuf buf = transport.alloc().directBuffer(n).writeBytes(out, 0, n);
        sent++;
        transport.sendRtcp(buf, to);
    }

    /** 64-bit NTP timestamp (§4) of a wall-clock time in milliseconds. */
    static long ntp(long millis) {
        long seconds = millis / 1000 + NTP_EPOCH_OFFSET;
        long fraction = ((millis % 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }
}
