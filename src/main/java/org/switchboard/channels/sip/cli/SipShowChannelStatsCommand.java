package org.switchboard.channels.sip.cli;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.call.SipCall;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;
import org.switchboard.media.rtp.RtpSession;

/**
 * {@code sip show channelstats}: RTP counters of each SIP call (chan_sip's columns: what we
 * received, lost and its jitter; what we sent), and a total line the benchmarks read.
 */
public final class SipShowChannelStatsCommand implements CliCommand {
    @Override public List<String> words() { return List.of("sip", "show", "channelstats"); }
    @Override public String usage() { return "Usage: sip show channelstats\n       Lists all currently active SIP channel's RTP statistics."; }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        SipModule m = SipModule.get(pbx);
        if (m == null || m.stack() == null) {
            out.println("chan_sip is not running.");
            return true;
        }
        String fmt = "%-15.15s  %-11.11s  %-8.8s %10s %10s  (%-5s) %7s %10s  %s%n";
        out.printf(fmt, "Peer", "Call ID", "Duration", "Recv: Pack", "Lost", "%", "Jitter", "Send: Pack", "Codec");
        long recv = 0, lost = 0, sent = 0, bad = 0, srtpAuth = 0;
        int n = 0;
        for (SipCall c : m.stack().calls().all()) {
            RtpSession r = c.rtp();
            long secs = c.channel() == null ? 0 : (System.currentTimeMillis() - c.channel().createdMillis()) / 1000;
            long rx = r.packetsReceived(), lx = r.packetsLost(), tx = r.packetsSent();
            double pct = rx + lx == 0 ? 0 : 100.0 * lx / (rx + lx);
            out.printf(fmt, c.remote().address().getAddress().getHostAddress(), c.callId(),
                String.format("%02d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60), rx, lx,
                String.format("%.1f", pct), r.jitterMs() + "ms", tx, c.codec());
            recv += rx;
            lost += lx;
            sent += tx;
            bad += r.badPackets();
            srtpAuth += r.srtpAuthFailures();
            n++;
        }
        out.println(n + " active SIP channel" + (n == 1 ? "" : "s") + "; total received " + recv + ", lost " + lost
            + ", sent " + sent + ", bad " + bad + ", srtp auth failures " + srtpAuth);
        return true;
    }
}
