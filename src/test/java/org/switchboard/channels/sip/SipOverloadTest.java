package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * asterisk.conf's maxcalls reached: a new INVITE gets 503 Service Unavailable with Retry-After,
 * the calls already up carry on (their BYE is answered), OPTIONS is still answered, and once a
 * call has ended a new one is taken again.
 */
class SipOverloadTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String DIALPLAN = "[calls]\nexten => answer,1,Answer()\n same => n,Wait(30)\n";

    @TempDir Path dir;

    @Test
    void pastMaxcallsANewCallHears503WithRetryAfterWhileAcceptedCallsGoOn() throws Exception {
        Files.writeString(dir.resolve("asterisk.conf"), "[options]\nmaxcalls = 2\n");
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            String toA = answer(f, p, "limit-a");
            answer(f, p, "limit-b");

            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "caller", "answer", "limit-c", ""));
            String refused = p.finalResponse(WAIT, "limit-c");
            assertThat(refused).startsWith("SIP/2.0 503 Service Unavailable");
            assertThat(SipPbxFixture.header(refused, "Retry-After:")).isEqualTo("Retry-After: " + SipOverload.RETRY_AFTER_SECONDS);
            assertThat(f.pbx.logLines("Maximum call limit of 2 calls exceeded by")).hasSize(1);
            assertThat(f.pbx.logLines("Executing [answer@calls:1]")).as("the refused call never reached the dialplan").hasSize(2);

            p.send(f.port(), "OPTIONS sip:127.0.0.1:" + f.port() + " SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:" + p.port()
                + ";branch=z9hG4bKopt1\nMax-Forwards: 70\nFrom: <sip:probe@127.0.0.1>;tag=o1\nTo: <sip:127.0.0.1>\n"
                + "Call-ID: limit-options\nCSeq: 1 OPTIONS\nContent-Length: 0\n\n");
            assertThat(p.finalResponse(WAIT, "limit-options")).startsWith("SIP/2.0 200 OK");

            p.send(f.port(), "BYE sip:answer@127.0.0.1:" + f.port() + " SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:" + p.port()
                + ";branch=z9hG4bKbyea\nMax-Forwards: 70\nFrom: <sip:caller@127.0.0.1>;tag=t" + "limit-a".hashCode()
                + "\n" + toA + "\nCall-ID: limit-a\nCSeq: 2 BYE\nContent-Length: 0\n\n");
            assertThat(p.finalResponse(WAIT, "limit-a")).as("an accepted call ends normally").startsWith("SIP/2.0 200 OK");
            await().atMost(WAIT).until(() -> f.pbx.pbx.activeCalls() == 1);
            answer(f, p, "limit-d"); // a slot is free again
        }
    }

    /** INVITE, 200 OK, ACK; returns the 200's To line (with the PBX's tag). */
    private static String answer(SipPbxFixture f, SipPbxFixture.RawPeer p, String callId) throws Exception {
        p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "caller", "answer", callId, ""));
        String ok = p.finalResponse(WAIT, callId);
        assertThat(ok).startsWith("SIP/2.0 200 OK");
        String toLine = SipPbxFixture.header(ok, "To:");
        p.send(f.port(), "ACK sip:answer@127.0.0.1:" + f.port() + " SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:" + p.port()
            + ";branch=z9hG4bKack" + callId.hashCode() + "\nMax-Forwards: 70\nFrom: <sip:caller@127.0.0.1>;tag=t" + callId.hashCode()
            + "\n" + toLine + "\nCall-ID: " + callId + "\nCSeq: 1 ACK\nContent-Length: 0\n\n");
        await().atMost(WAIT).until(() -> f.pbx.logLines("Executing [answer@calls:2]").size() >= 1);
        return toLine;
    }
}
