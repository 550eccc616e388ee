package org.switchboard.channels.skype;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.switchboard.core.Pbx;
import org.switchboard.media.rtp.RtpSession;

/** What the call set-up benchmark reads of a PBX's Skype calls (package-private state, read from outside). */
public final class SkypeBenchProbe {
    /** Milliseconds from the Dial to the answer and to the first decrypted packet; -1 when it did not happen. */
    public record Times(double answerMs, double firstPacketMs) {}

    private final Pbx pbx;

    public SkypeBenchProbe(Pbx pbx) { this.pbx = pbx; }

    public void awaitOnline(String bareJid) {
        await().atMost(Duration.ofSeconds(20)).until(() -> SkypeModule.get(pbx).account(null).buddyStatus(bareJid).equals("Online"));
    }

    /** Polls (every 0.2 ms) the one call in progress; times counted from {@code t0} (System.nanoTime). */
    public Times awaitCall(long t0, long timeoutMs) throws InterruptedException {
        long deadline = t0 + timeoutMs * 1_000_000L;
        double answer = -1, packet = -1;
        while (System.nanoTime() < deadline) {
            SkypeCall c = SkypeModule.get(pbx).calls().stream().findFirst().orElse(null);
            if (c != null) {
                if (answer < 0 && c.state() == SkypeCallState.ACTIVE) answer = (System.nanoTime() - t0) / 1e6;
                SkypeMedia m = c.media();
                RtpSession rtp = m == null ? null : m.rtp();
                if (packet < 0 && rtp != null && rtp.packetsReceived() > 0) packet = (System.nanoTime() - t0) / 1e6;
                boolean noMedia = m != null && rtp == null;
                if (answer >= 0 && (packet >= 0 || noMedia)) return new Times(answer, packet);
                if (c.state() == SkypeCallState.ENDED) return new Times(answer, packet);
            }
            Thread.sleep(0, 200_000);
        }
        return new Times(answer, packet);
    }

    public void awaitIdle(long timeoutMs) {
        await().atMost(Duration.ofMillis(timeoutMs)).pollInterval(Duration.ofMillis(2)).until(() -> SkypeModule.get(pbx).callsInUse() == 0
            && pbx.channels().byPrefix("Skype/").isEmpty());
    }

    /** Over the Skype calls up now: calls with media, RTP packets received, lost (RFC 3550 A.3) and sent. */
    public long[] mediaTotals() {
        long calls = 0, rx = 0, lost = 0, tx = 0;
        for (SkypeCall c : SkypeModule.get(pbx).calls()) {
            SkypeMedia m = c.media();
            RtpSession rtp = m == null ? null : m.rtp();
            if (rtp == null || c.state() != SkypeCallState.ACTIVE) continue;
            calls++;
            rx += rtp.packetsReceived();
            lost += rtp.packetsLost();
            tx += rtp.packetsSent();
        }
        return new long[] {calls, rx, lost, tx};
    }

    public String mediaName() {
        return SkypeModule.get(pbx).mediaFactory() == SkypeSignallingOnlyMedia.FACTORY ? "signalling-only" : "ice-dtls-srtp";
    }
}
