package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;

/**
 * The call leg's state machine seen from the wire (RFC 3261 §9, §13-§15, RFC 6026): the races a
 * peer can make — a CANCEL after our 200, a second re-INVITE before the first is acknowledged, a
 * BYE before the ACK, a 200 that crosses our CANCEL — each answered as the RFC says.
 */
class SipInviteSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String DIALPLAN = "[calls]\nexten => answer,1,Answer()\n same => n,Wait(30)\n"
        + "exten => ring,1,Ringing()\n same => n,Wait(30)\n";

    @TempDir Path dir;

    private static String line(String msg, String prefix) { return SipPbxFixture.header(msg, prefix); }

    private static String firstLineAndCSeq(String m) {
        return m.lines().findFirst().orElseThrow() + " / " + line(m, "CSeq:");
    }

    /** An in-dialog request from the raw caller: {@code toLine} carries our tag. */
    private static String request(SipPbxFixture f, RawPeer p, String method, String callId, String toLine, int cseq,
                                  String branch, String sdp) {
        String body = sdp == null ? "" : sdp.replace("\n", "\r\n");
        return method + " sip:answer@127.0.0.1:" + f.port() + " SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:" + p.port()
            + ";branch=z9hG4bK" + branch + "\nMax-Forwards: 70\nFrom: <sip:caller@127.0.0.1>;tag=t" + callId.hashCode()
            + "\n" + toLine + "\nCall-ID: " + callId + "\nCSeq: " + cseq + " " + method + "\n"
            + "Contact: <sip:caller@127.0.0.1:" + p.port() + ">\n"
            + (sdp == null ? "" : "Content-Type: application/sdp\n") + "Content-Length: " + body.length() + "\n\n" + body;
    }

    private static final String ANSWER_SDP = "v=0\no=- 2 2 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n"
        + "m=audio 40002 RTP/AVP 0\na=rtpmap:0 PCMU/8000\n";

    private static String next(RawPeer p, String start, String cseq) throws Exception { return p.next(start, cseq, WAIT); }

    @Test
    void aCancelAfterOur200GetsItsOwn200AndChangesNothing() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", DIALPLAN);
             RawPeer p = new RawPeer()) {
            String invite = SipPbxFixture.invite(f.port(), p.port(), "caller", "answer", "cancel-late", "");
            p.send(f.port(), invite);
            String ok = p.finalResponse(WAIT, "cancel-late");
            assertThat(ok).startsWith("SIP/2.0 200 OK");
            // §9.1: the CANCEL copies the INVITE's top Via; it crossed our 200 on the wire
            String via = line(invite.replace("\n", "\r\n"), "Via:");
            p.send(f.port(), "CANCEL sip:answer@127.0.0.1:" + f.port() + " SIP/2.0\n" + via.strip() + "\nMax-Forwards: 70\n"
                + "From: <sip:caller@127.0.0.1>;tag=t" + "cancel-late".hashCode() + "\nTo: <sip:answer@127.0.0.1>\n"
                + "Call-ID: cancel-late\nCSeq: 1 CANCEL\nContent-Length: 0\n\n");
            String cancelOk = next(p, "SIP/2.0", "CANCEL");
            assertThat(cancelOk).as("RFC 6026: the INVITE transaction lives on in Accepted, so the CANCEL matches it")
                .startsWith("SIP/2.0 200 OK");
            p.send(f.port(), request(f, p, "ACK", "cancel-late", line(ok, "To:"), 1, "ack1", null));
            assertThat(f.channels("SIP/")).as("the answered call stays up").isEqualTo(1);
            p.send(f.port(), request(f, p, "BYE", "cancel-late", line(ok, "To:"), 2, "bye1", null));
            assertThat(next(p, "SIP/2.0", "BYE")).startsWith("SIP/2.0 200 OK");
            await().atMost(WAIT).until(() -> f.channels("SIP/") == 0);
        }
    }

    @Test
    void aSecondReInviteBeforeTheFirstIsAcknowledgedGets491() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", DIALPLAN);
             RawPeer p = new RawPeer()) {
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "caller", "answer", "reinv", ""));
            String ok = p.finalResponse(WAIT, "reinv");
            assertThat(ok).startsWith("SIP/2.0 200 OK");
            String to = line(ok, "To:");
            p.send(f.port(), request(f, p, "ACK", "reinv", to, 1, "ack1", null));
            // a re-INVITE without SDP: we offer in our 200 and wait for the answer in its ACK (§14.2)
            p.send(f.port(), request(f, p, "INVITE", "reinv", to, 2, "re2", null));
            String offer = next(p, "SIP/2.0 200", "2 INVITE");
            assertThat(offer).contains("CSeq: 2 INVITE").contains("m=audio ");
            p.send(f.port(), request(f, p, "INVITE", "reinv", to, 3, "re3", ANSWER_SDP));
            String pending = next(p, "SIP/2.0 4", "3 INVITE");
            assertThat(firstLineAndCSeq(pending)).isEqualTo("SIP/2.0 491 Request Pending / CSeq: 3 INVITE");
            p.send(f.port(), request(f, p, "ACK", "reinv", to, 2, "ack2", ANSWER_SDP));
            p.send(f.port(), request(f, p, "INVITE", "reinv", to, 4, "re4", ANSWER_SDP));
            String fine = next(p, "SIP/2.0", "4 INVITE");
            assertThat(firstLineAndCSeq(fine)).as("with the first one acknowledged, the next re-INVITE is fine")
                .isEqualTo("SIP/2.0 200 OK / CSeq: 4 INVITE");
        }
    }

    @Test
    void aByeBeforeTheAckEndsTheCallAndStopsThe2xxRetransmission() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls\ntimert1=100", "", DIALPLAN);
             RawPeer p = new RawPeer()) {
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "caller", "answer", "bye-no-ack", ""));
            String ok = p.finalResponse(WAIT, "bye-no-ack");
            assertThat(ok).startsWith("SIP/2.0 200 OK");
            assertThat(next(p, "SIP/2.0 200", "INVITE")).as("retransmitted at T1 = 100 ms while no ACK comes").isNotNull();
            p.send(f.port(), request(f, p, "BYE", "bye-no-ack", line(ok, "To:"), 2, "bye1", null));
            assertThat(next(p, "SIP/2.0", "BYE")).startsWith("SIP/2.0 200 OK");
            await().atMost(WAIT).until(() -> f.channels("SIP/") == 0);
            // the next retransmissions would have come at 300, 700, 1500 ms: none does, and no BYE of ours
            List<String> after = new ArrayList<>();
            for (String m; (m = p.receive(Duration.ofMillis(1600))) != null; ) after.add(m.lines().findFirst().orElseThrow());
            assertThat(after).noneMatch(l -> l.startsWith("SIP/2.0 200")).noneMatch(l -> l.startsWith("BYE"));
        }
    }

    @Test
    void withoutAnAckThe200IsRetransmittedByTimerT1UntilTimerLThenABye() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls\ntimert1=100", "", DIALPLAN);
             RawPeer p = new RawPeer()) {
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "caller", "answer", "no-ack", ""));
            // 200 at 0, then at 100, 300, 700, 1500, 3100, 6300 ms; Timer L at 6400 ms: BYE
            List<String> seen = new ArrayList<>();
            String bye = null;
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (bye == null && System.nanoTime() < end) {
                String m = p.receive(Duration.ofSeconds(1));
                if (m == null) continue;
                if (m.startsWith("SIP/2.0 200")) seen.add(line(m, "CSeq:"));
                if (m.startsWith("BYE ")) bye = m;
            }
            assertThat(seen).hasSize(7).allMatch(l -> l.equals("CSeq: 1 INVITE"));
            assertThat(bye).as("64*T1 without the ACK ends the call").isNotNull().contains("Call-ID: no-ack");
            assertThat(f.pbx.logLines("No ACK for the 2xx on SIP/")).hasSize(1);
            await().atMost(WAIT).until(() -> f.channels("SIP/") == 0);
        }
    }

    @Test
    void aReInviteInTheEarlyDialogGets500WithRetryAfter() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", DIALPLAN);
             RawPeer p = new RawPeer()) {
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "caller", "ring", "early-reinv", ""));
            String ringing = next(p, "SIP/2.0 180", "INVITE");
            assertThat(ringing).isNotNull();
            p.send(f.port(), request(f, p, "INVITE", "early-reinv", line(ringing, "To:"), 2, "re2", ANSWER_SDP));
            String refused = next(p, "SIP/2.0 5", "INVITE");
            assertThat(firstLineAndCSeq(refused)).isEqualTo("SIP/2.0 500 Server Internal Error / CSeq: 2 INVITE");
            int retryAfter = Integer.parseInt(line(refused, "Retry-After:").substring("Retry-After:".length()).strip());
            assertThat(retryAfter).isBetween(0, 10); // §14.2
            assertThat(f.channels("SIP/")).as("the ringing call goes on").isEqualTo(1);
        }
    }

    private static String respond(String req, int status, String reason, String toTag) {
        return SipPbxFixture.respond(req, status, reason, toTag, "Contact: <sip:callee@127.0.0.1>\n");
    }

    private static String dialplanTo(RawPeer callee) {
        return "[calls]\nexten => out,1,Dial(SIP/callee@127.0.0.1:" + callee.port() + ")\n same => n,Hangup()\n";
    }

    /** The caller's CANCEL of its INVITE (same top Via, §9.1). */
    private static String cancelOf(String invite) {
        return "CANCEL " + invite.lines().findFirst().orElseThrow().split(" ")[1] + " SIP/2.0\n" + line(invite, "Via:")
            + "\nMax-Forwards: 70\n" + line(invite, "From:") + "\n" + line(invite, "To:") + "\n" + line(invite, "Call-ID:")
            + "\nCSeq: 1 CANCEL\nContent-Length: 0\n\n";
    }

    @Test
    void a200ThatCrossesOurCancelIsAcknowledgedThenEndedWithABye() throws Exception {
        try (RawPeer callee = new RawPeer(); RawPeer caller = new RawPeer();
             SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", dialplanTo(callee))) {
            String invite = SipPbxFixture.invite(f.port(), caller.port(), "caller", "out", "cross-1", "");
            caller.send(f.port(), invite);
            String out = next(callee, "INVITE ", "INVITE");
            assertThat(out).as("the PBX dials the callee").isNotNull();
            callee.send(f.port(), respond(out, 180, "Ringing", "callee1"));
            await().atMost(WAIT).until(() -> !f.pbx.logLines("is ringing").isEmpty());
            caller.send(f.port(), cancelOf(invite));
            String cancel = next(callee, "CANCEL ", "CANCEL");
            assertThat(cancel).as("§9.1: our CANCEL, built from the INVITE as sent").isNotNull()
                .contains(line(out, "Via:")).contains(line(out, "Call-ID:"));
            assertThat(line(cancel, "CSeq:")).isEqualTo(line(out, "CSeq:").replace("INVITE", "CANCEL"));
            // the callee answered before it saw the CANCEL: its 200 crosses ours
            callee.send(f.port(), respond(out, 200, "OK", "callee1"));
            callee.send(f.port(), respond(cancel, 200, "OK", "callee1"));
            String ack = next(callee, "ACK ", "ACK");
            assertThat(ack).as("§13.2.2.4: every 2xx is acknowledged").isNotNull().contains("tag=callee1");
            String bye = next(callee, "BYE ", "BYE");
            assertThat(bye).as("§15: then the unwanted call ends").isNotNull().contains("tag=callee1");
            callee.send(f.port(), respond(bye, 200, "OK", "callee1"));
            assertThat(next(caller, "SIP/2.0 487", "INVITE")).as("the caller's INVITE ends with 487 (§9.2)").isNotNull();
            await().atMost(WAIT).until(() -> f.channels("SIP/") == 0);
        }
    }

    @Test
    void aHangupBeforeAnyProvisionalCancelsOnlyOnceOneComes() throws Exception {
        try (RawPeer callee = new RawPeer(); RawPeer caller = new RawPeer();
             SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", dialplanTo(callee))) {
            String invite = SipPbxFixture.invite(f.port(), caller.port(), "caller", "out", "early-cancel", "");
            caller.send(f.port(), invite);
            String out = next(callee, "INVITE ", "INVITE");
            assertThat(out).isNotNull();
            caller.send(f.port(), cancelOf(invite));
            assertThat(next(caller, "SIP/2.0 487", "INVITE")).isNotNull();
            // §9.1: no CANCEL before a provisional response; the INVITE's own retransmissions go on meanwhile
            List<String> before = new ArrayList<>();
            for (String m; (m = callee.receive(Duration.ofMillis(700))) != null; ) before.add(m.lines().findFirst().orElseThrow());
            assertThat(before).noneMatch(l -> l.startsWith("CANCEL"));
            callee.send(f.port(), respond(out, 100, "Trying", "x"));
            String cancel = next(callee, "CANCEL ", "CANCEL");
            assertThat(cancel).as("the provisional lets the CANCEL go").isNotNull();
            callee.send(f.port(), respond(cancel, 200, "OK", "callee2"));
            callee.send(f.port(), respond(out, 487, "Request Terminated", "callee2"));
            assertThat(next(callee, "ACK ", "ACK")).as("the transaction ACKs the 487 (§17.1.1.3)").isNotNull();
            await().atMost(WAIT).until(() -> f.channels("SIP/") == 0);
        }
    }
}
