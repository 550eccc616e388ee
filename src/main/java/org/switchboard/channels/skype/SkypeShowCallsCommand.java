package org.switchboard.channels.skype;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;
import org.switchboard.media.rtp.RtpSession;

/** {@code skype show calls}: each call's account, buddy, device, codec, ICE pair, DTLS state, packets and duration. */
public final class SkypeShowCallsCommand implements CliCommand {
    @Override public List<String> words() { return List.of("skype", "show", "calls"); }
    @Override public String usage() { return "Usage: skype show calls\n       Lists the Skype calls in progress."; }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        SkypeModule m = SkypeModule.get(pbx);
        if (m == null) {
            out.println("chan_skype is not running.");
            return true;
        }
        String fmt = "%-12s %-3s %-24s %-28s %-10s %-6s %-40s %-10s %-15s %s%n";
        out.printf(fmt, "User", "Dir", "Buddy", "Resource", "State", "Codec", "ICE pair", "DTLS", "Packets/lost", "Duration");
        List<SkypeCall> calls = m.calls();
        long now = System.currentTimeMillis();
        for (SkypeCall c : calls) {
            SkypeMedia media = c.media();
            RtpSession rtp = media == null ? null : media.rtp();
            String full = c.peerFull();
            String resource = full == null || full.indexOf('/') < 0 ? "-" : full.substring(full.indexOf('/') + 1);
            String packets = rtp == null ? "-" : rtp.packetsReceived() + "/" + rtp.packetsLost();
            long secs = (now - c.startedMillis()) / 1000;
            out.printf(fmt, c.account().name(), c.isInbound() ? "in" : "out", c.account().display(c.peerBare()), resource,
                c.state().name().toLowerCase(java.util.Locale.ROOT), c.codec().isEmpty() ? "-" : c.codec(),
                media == null ? "-" : media.pair(), media == null ? "-" : media.dtlsState(), packets,
                String.format("%d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60));
        }
        out.println(calls.size() + " active Skype call" + (calls.size() == 1 ? "" : "s"));
        return true;
    }
}
