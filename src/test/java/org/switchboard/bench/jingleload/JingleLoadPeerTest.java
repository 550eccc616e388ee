package org.switchboard.bench.jingleload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.skype.SkypeTestNetwork;
import org.switchboard.channels.skype.SkypeTestPbx;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/**
 * The load benchmark's buddy against the real PBX: the PBX calls it (JMI propose, then
 * session-initiate), it answers over the project's ICE + DTLS-SRTP, and its Opus tone comes back
 * through the PBX's Echo() at the same frequency; its hangup ends the PBX's call.
 */
class JingleLoadPeerTest {
    static final Duration T = Duration.ofSeconds(30);

    @Test
    void answersThePbxsCallAndHearsItsToneEchoed() throws Exception {
        SkypeTestNetwork net = SkypeTestNetwork.shared();
        net.register("loadpeer0", "pw-loadpeer0");
        try (SkypeTestPbx pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc("authpolicy=allow"), "extensions.conf", "[x]\n"));
             JingleLoadPeer peer = new JingleLoadPeer(SkypeTestNetwork.DOMAIN, List.of("loadpeer0"), net.port, net.cert, 0, 0,
                 new OpusTone(440))) {
            pbx.loggedIn("lmentinc");
            assertThat(cli(pbx.pbx, "channel originate Skype/loadpeer0 application Echo")).doesNotContain("USAGE");
            await().atMost(T).alias("the peer hears the echo; PBX log: " + pbx.log + "; peer: " + peer.failures()
                + " " + peer.snapshot()).until(() -> peer.callsWithMedia() == 1);
            String sampled = peer.sample(100);
            assertThat(sampled).isEqualTo("loadpeer0");
            await().atMost(T).until(() -> peer.snapshot().get(0).received() > 150);
            assertThat(cli(pbx.pbx, "skype show calls")).contains("loadpeer0", "active", "opus");
            OpusTone.Check c = peer.toneCheck(sampled);
            assertThat(c.toneSurvived(440)).as("tone check %s", c).isTrue();
            JingleLoadPeer.CallSnapshot s = peer.snapshot().get(0);
            assertThat(s.up()).isTrue();
            assertThat(s.sent()).isPositive();

            peer.hangupAll();
            await().atMost(T).until(() -> cli(pbx.pbx, "skype show calls").contains("0 active Skype calls"));
        }
    }

    private static String cli(Pbx pbx, String line) {
        List<String> words = List.of(line.split(" "));
        for (CliCommand c : pbx.modules().cliCommands()) {
            if (words.size() >= c.words().size() && words.subList(0, c.words().size()).equals(c.words())) {
                StringWriter sw = new StringWriter();
                PrintWriter pw = new PrintWriter(sw);
                boolean ok = c.execute(pbx, words.subList(c.words().size(), words.size()), pw);
                pw.flush();
                return ok ? sw.toString() : "USAGE " + c.usage();
            }
        }
        return "no such command";
    }
}
