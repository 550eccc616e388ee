package org.switchboard.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.switchboard.channels.skype.SkypeBenchProbe;
import org.switchboard.channels.skype.SkypeTestBuddy;
import org.switchboard.channels.skype.SkypeTestNetwork;
import org.switchboard.channels.skype.SkypeTestPbx;
import org.switchboard.core.Channel;
import org.switchboard.core.HangupCause;
import org.switchboard.core.PbxLog;

/**
 * Skype call set-up on loopback: from {@code Dial(Skype/vuc.me)} to the answer (JMI propose,
 * proceed, session-initiate/accept, ICE and DTLS done) and to the first media packet decrypted on
 * our side, with the peer (buddy.py: slixmpp + aiortc) answering at once and playing a tone.
 * Calls one after another; prints p50/p99 of each. Needs prosody, python3-slixmpp, python3-aiortc.
 * <pre>
 * ./mvnw -q -B -DskipTests test-compile
 * java -cp "target/test-classes:target/classes:$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)" \
 *     org.switchboard.bench.SkypeCallSetupBench [calls=100]
 * </pre>
 */
public final class SkypeCallSetupBench {
    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        PbxLog.setVerbose(0);
        try (SkypeTestNetwork net = SkypeTestNetwork.create(false);
             SkypeTestPbx pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc(""), "extensions.conf",
                 "[bench]\nexten => call,1,Dial(Skype/vuc.me,20)\n same => n,Hangup()\n"));
             SkypeTestBuddy vuc = net.buddy("vuc.me")) {
            pbx.loggedIn("lmentinc");
            vuc.callMode("answer");
            vuc.tone(1000);
            SkypeBenchProbe probe = new SkypeBenchProbe(pbx.pbx);
            probe.awaitOnline("vuc.me@skype.example");
            pbx.stopRecording();
            List<Double> answer = new ArrayList<>(), media = new ArrayList<>();
            int failed = 0;
            for (int i = 0; i < Math.max(3, calls / 10) + calls; i++) {
                boolean warm = i < Math.max(3, calls / 10);
                long t0 = System.nanoTime();
                Channel caller = pbx.run("bench", "call");
                SkypeBenchProbe.Times t = probe.awaitCall(t0, 20_000);
                caller.softHangup(HangupCause.NORMAL_CLEARING);
                probe.awaitIdle(20_000);
                if (t == null || t.answerMs() < 0) {
                    failed++;
                    continue;
                }
                if (warm) continue;
                answer.add(t.answerMs());
                if (t.firstPacketMs() >= 0) media.add(t.firstPacketMs());
            }
            System.out.printf("skype.setup.calls=%d failed=%d media=%s%n", answer.size(), failed, probe.mediaName());
            print("skype.setup.dial_to_answer_ms", answer);
            print("skype.setup.dial_to_first_decrypted_packet_ms", media);
        }
    }

    private static void print(String name, List<Double> ms) {
        if (ms.isEmpty()) {
            System.out.println(name + " none (no media transport plugged in, or no packet arrived)");
            return;
        }
        Collections.sort(ms);
        System.out.printf("%s n=%d p50=%.1f p99=%.1f max=%.1f%n", name, ms.size(), p(ms, 50), p(ms, 99), ms.get(ms.size() - 1));
    }

    private static double p(List<Double> sorted, int pct) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(pct / 100.0 * sorted.size()) - 1));
    }
}
