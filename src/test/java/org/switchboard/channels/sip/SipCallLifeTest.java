package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.Sipp;

/** A call's life beyond the first answer: RTP silence ends it, a reload does not, TCP carries it too. */
class SipCallLifeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String DIALPLAN = "[calls]\nexten => answer,1,Answer()\n same => n,Wait(30)\n";

    @TempDir Path dir;

    private static String answerAndAck(SipPbxFixture f, SipPbxFixture.RawPeer p, String callId) throws Exception {
        String invite = SipPbxFixture.invite(f.port(), p.port(), "caller", "answer", callId, "");
        p.send(f.port(), invite);
        String ok = p.finalResponse(WAIT, callId);
        assertThat(ok).startsWith("SIP/2.0 200 OK");
        String toLine = ok.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow();
        p.send(f.port(), "ACK sip:answer@127.0.0.1:" + f.port() + " SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:" + p.port()
            + ";branch=z9hG4bKack" + callId.hashCode() + "\nMax-Forwards: 70\nFrom: <sip:caller@127.0.0.1>;tag=t" + callId.hashCode()
            + "\n" + toLine + "\nCall-ID: " + callId + "\nCSeq: 1 ACK\nContent-Length: 0\n\n");
        return toLine;
    }

    @Test
    void rtpSilenceHangsUpWithABye() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls\nrtptimeout=2", "", DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            answerAndAck(f, p, "silent-1");
            // no RTP is ever sent: after rtptimeout the PBX says why and sends BYE
            String bye = null;
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (bye == null && System.nanoTime() < end) {
                String m = p.receive(Duration.ofSeconds(1));
                if (m != null && m.startsWith("BYE ")) bye = m;
            }
            assertThat(bye).as("BYE after 2 s of RTP silence").isNotNull().contains("Call-ID: silent-1");
            assertThat(f.pbx.logLines("for lack of RTP activity in 2 seconds")).hasSize(1);
            await().atMost(WAIT).until(() -> f.channels("SIP/") == 0);
        }
    }

    @Test
    void sipReloadKeepsTheCallUp() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            String toLine = answerAndAck(f, p, "reload-1");
            String name = f.pbx.pbx.channels().all().iterator().next().name();
            assertThat(cli(f, "core show channel", name)).contains("NativeFormats: (ulaw)").contains("Name: " + name);
            SipModule.get(f.pbx.pbx).reload(f.pbx.pbx);
            assertThat(f.pbx.logLines("SIP reloaded:")).hasSize(1);
            assertThat(f.channels("SIP/")).isEqualTo(1);
            p.send(f.port(), "BYE sip:answer@127.0.0.1:" + f.port() + " SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:" + p.port()
                + ";branch=z9hG4bKbye1\nMax-Forwards: 70\nFrom: <sip:caller@127.0.0.1>;tag=t" + "reload-1".hashCode()
                + "\n" + toLine + "\nCall-ID: reload-1\nCSeq: 2 BYE\nContent-Length: 0\n\n");
            assertThat(p.finalResponse(WAIT, "reload-1")).startsWith("SIP/2.0 200 OK").contains("CSeq: 2 BYE");
            await().atMost(WAIT).until(() -> f.channels("SIP/") == 0);
        }
    }

    private static String cli(SipPbxFixture f, String words, String... args) {
        var cmd = f.pbx.pbx.modules().cliCommands().stream().filter(c -> String.join(" ", c.words()).equals(words)).findFirst().orElseThrow();
        var out = new java.io.StringWriter();
        cmd.execute(f.pbx.pbx, java.util.List.of(args), new java.io.PrintWriter(out, true));
        return out.toString();
    }

    @Test
    void callsOverTcp() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sipp.installed(), "sipp is not installed");
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls\ntcpenable=yes\ntcpbindaddr=127.0.0.1:0", "", DIALPLAN)) {
            int tcpPort = f.stack().tcpAddress().getPort();
            try (Sipp s = Sipp.scenario("uac-basic.xml").remote("127.0.0.1", tcpPort).service("answer").calls(3).rate(10).tcp()) {
                Sipp.Result r = s.run(Duration.ofSeconds(60));
                assertThat(r.ok()).as("%s", r).isTrue();
                assertThat(r.successful()).isEqualTo(3);
            }
        }
    }
}
