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
    private static final String DIALPLAN = "[calls]\nexten => answer,1,Answer()\n same => n,Wait(30)\n"
        + "exten => ring,1,Ringing()\n same => n,Wait(30)\n"
        + "exten => echo,1,Answer()\n same => n,Echo()\n same => n,Verbose(1,@echo ended)\n same => n,Wait(5)\n";

    @TempDir Path dir;

    private static String answerAndAck(SipPbxFixture f, SipPbxFixture.RawPeer p, String callId) throws Exception {
        return answerAndAck(f, p, callId, "answer", 40000);
    }

    private static String lastOk;

    private static String answerAndAck(SipPbxFixture f, SipPbxFixture.RawPeer p, String callId, String exten, int rtpPort)
            throws Exception {
        String invite = SipPbxFixture.invite(f.port(), p.port(), "caller", exten, callId, "")
            .replace("m=audio 40000 ", "m=audio " + rtpPort + " ");
        p.send(f.port(), invite);
        String ok = p.finalResponse(WAIT, callId);
        assertThat(ok).startsWith("SIP/2.0 200 OK");
        lastOk = ok;
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
    void echoSendsTheCallersRtpBackUntouched() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer();
             java.net.DatagramSocket rtp = new java.net.DatagramSocket(new java.net.InetSocketAddress("127.0.0.1", 0))) {
            answerAndAck(f, p, "echo-1", "echo", rtp.getLocalPort());
            int pbxRtp = Integer.parseInt(lastOk.lines().filter(l -> l.startsWith("m=audio ")).findFirst().orElseThrow().split(" ")[1]);
            await().atMost(WAIT).until(() -> !f.pbx.logLines("Echo(\"SIP/").isEmpty());
            rtp.setSoTimeout(2000);
            java.net.InetSocketAddress to = new java.net.InetSocketAddress("127.0.0.1", pbxRtp);
            int back = 0;
            for (int i = 0; i < 20; i++) {
                byte[] pkt = new byte[12 + 160];
                pkt[0] = (byte) 0x80; pkt[1] = 0; pkt[2] = (byte) (i >> 8); pkt[3] = (byte) i;
                int ts = i * 160;
                pkt[4] = (byte) (ts >> 24); pkt[5] = (byte) (ts >> 16); pkt[6] = (byte) (ts >> 8); pkt[7] = (byte) ts;
                pkt[8] = 0x12; pkt[9] = 0x34; pkt[10] = 0x56; pkt[11] = 0x78;
                java.util.Arrays.fill(pkt, 12, pkt.length, (byte) (0x10 + i));
                rtp.send(new java.net.DatagramPacket(pkt, pkt.length, to));
                java.net.DatagramPacket in = new java.net.DatagramPacket(new byte[2048], 2048);
                rtp.receive(in);
                assertThat(in.getLength()).isEqualTo(pkt.length);
                assertThat(in.getData()[12 + 5]).as("payload of packet %d comes back", i).isEqualTo((byte) (0x10 + i));
                back++;
            }
            assertThat(back).isEqualTo(20);
            // the caller hangs up: the echo ends with the call
            p.send(f.port(), "BYE sip:echo@127.0.0.1:" + f.port() + " SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:" + p.port()
                + ";branch=z9hG4bKbye2\nMax-Forwards: 70\nFrom: <sip:caller@127.0.0.1>;tag=t" + "echo-1".hashCode()
                + "\n" + lastOk.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow()
                + "\nCall-ID: echo-1\nCSeq: 2 BYE\nContent-Length: 0\n\n");
            assertThat(p.finalResponse(WAIT, "echo-1")).startsWith("SIP/2.0 200 OK");
            await().atMost(WAIT).until(() -> f.channels("SIP/") == 0);
        }
    }

    @Test
    void aRetransmittedInviteAfterThe200GetsThe200AgainNotASecondCall() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            String invite = SipPbxFixture.invite(f.port(), p.port(), "caller", "answer", "retx-1", "");
            p.send(f.port(), invite);
            String first = p.finalResponse(WAIT, "retx-1");
            assertThat(first).startsWith("SIP/2.0 200 OK");
            p.send(f.port(), invite); // our 200 "got lost": the caller sends the INVITE again
            String again = p.finalResponse(WAIT, "retx-1");
            assertThat(again).startsWith("SIP/2.0 200 OK");
            String tag = first.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow();
            assertThat(again).contains(tag);
            assertThat(f.channels("SIP/")).isEqualTo(1);
            assertThat(f.pbx.logLines("Executing [answer@calls:1]")).hasSize(1);
        }
    }

    @Test
    void aByeInTheEarlyDialogEndsTheInviteWith487() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "caller", "ring", "early-1", ""));
            String ringing = null;
            while (ringing == null) {
                String m = p.receive(WAIT);
                assertThat(m).as("a 180").isNotNull();
                if (m.startsWith("SIP/2.0 180")) ringing = m;
            }
            String toLine = ringing.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow();
            p.send(f.port(), "BYE sip:ring@127.0.0.1:" + f.port() + " SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:" + p.port()
                + ";branch=z9hG4bKearlybye\nMax-Forwards: 70\nFrom: <sip:caller@127.0.0.1>;tag=t" + "early-1".hashCode()
                + "\n" + toLine + "\nCall-ID: early-1\nCSeq: 2 BYE\nContent-Length: 0\n\n");
            String a = p.finalResponse(WAIT, "early-1");
            String b = p.finalResponse(WAIT, "early-1");
            assertThat(java.util.List.of(a.lines().findFirst().orElseThrow() + " / " + a.lines().filter(l -> l.startsWith("CSeq:")).findFirst().orElseThrow(),
                    b.lines().findFirst().orElseThrow() + " / " + b.lines().filter(l -> l.startsWith("CSeq:")).findFirst().orElseThrow()))
                .containsExactlyInAnyOrder("SIP/2.0 200 OK / CSeq: 2 BYE", "SIP/2.0 487 Request Terminated / CSeq: 1 INVITE");
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
