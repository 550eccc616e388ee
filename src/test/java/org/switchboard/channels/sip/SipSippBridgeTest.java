package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.call.SipCall;
import org.switchboard.core.PbxLog;
import org.switchboard.testing.Sipp;

/**
 * Two SIPp legs bridged by Dial(): both PCMU, so the PBX relays their RTP natively; a re-INVITE
 * putting one leg on hold ends that, and the call carries on through the bridge's frames.
 */
class SipSippBridgeTest {
    private static final Duration MAX = Duration.ofSeconds(60);
    private static final String DIALPLAN = """
        [calls]
        exten => bridge,1,Dial(SIP/callee@127.0.0.1:${SIPP_PORT},10)
        """;

    @TempDir Path dir;

    @BeforeAll
    static void sippInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) is not installed");
    }

    @Test
    void holdByReInviteEndsTheNativeBridgeAndTheCallGoesOn() throws Exception {
        // what the legs relay at the moment the bridge is said to end (a sink runs on the logging thread)
        List<String> relaysWhenEnded = new CopyOnWriteArrayList<>();
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", DIALPLAN);
             Sipp callee = Sipp.scenario("uas-basic.xml").calls(1).start()) {
            f.pbx.pbx.globals().put("SIPP_PORT", Integer.toString(callee.localPort()));
            Consumer<PbxLog.Line> probe = l -> {
                if (!l.text().contains("ends: put on hold")) return;
                for (SipCall c : f.stack().calls().all()) relaysWhenEnded.add(c.channel().name() + " relays to " + c.rtp().relayPeer());
            };
            PbxLog.addSink(probe);
            try (Sipp caller = Sipp.scenario("uac-hold.xml").remote("127.0.0.1", f.port()).service("bridge").calls(1)) {
                Sipp.Result r = caller.run(MAX);
                assertThat(r.ok()).as("the caller's hold and resume: %s", r).isTrue();
            } finally {
                PbxLog.removeSink(probe);
            }
            assertThat(callee.stop(MAX).ok()).as("the callee got its BYE").isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> f.channels("SIP/") == 0);
            List<String> bridgeLines = f.pbx.logLines("Native RTP bridge of SIP/");
            assertThat(bridgeLines).hasSize(2);
            assertThat(bridgeLines.get(0)).contains("(ulaw, no transcoding)");
            assertThat(bridgeLines.get(1)).endsWith("ends: put on hold");
            assertThat(f.pbx.logLines("is put on hold")).hasSize(1);
            assertThat(relaysWhenEnded).hasSize(2).allMatch(r -> r.endsWith(" relays to null"));
        }
    }
}
