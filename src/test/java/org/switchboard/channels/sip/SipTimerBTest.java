package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;

/**
 * sip.conf's {@code timerb=}: an INVITE the far end never answers gives up after timer B
 * (RFC 3261 §17.1.1.2), not after the default 64*T1 = 32 s, and Dial goes on in the dialplan.
 */
class SipTimerBTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir Path dir;

    @Test
    void aSilentTrunkIsGivenUpAfterTimerB() throws Exception {
        try (RawPeer trunk = new RawPeer(); RawPeer caller = new RawPeer();
             SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls\ntimerb=1500",
                 "[trunk]\ntype=peer\nhost=127.0.0.1\nport=" + trunk.port() + "\n",
                 "[calls]\nexten => out,1,Dial(SIP/trunk/200)\n same => n,Set(GLOBAL(ST)=${DIALSTATUS})\n"
                     + " same => n,Hangup()\n")) {
            long sent = System.nanoTime();   // timer B starts later, when the PBX sends its INVITE
            caller.send(f.port(), SipPbxFixture.invite(f.port(), caller.port(), "caller", "out", "timer-b", ""));
            String invite = trunk.next("INVITE ", "INVITE", WAIT);
            assertThat(invite).as("the trunk is called; the log: %s", f.pbx.log).isNotNull();
            // the trunk says nothing; the caller hears the outcome once timer B (1.5 s) has fired
            String fin = caller.finalResponse(WAIT, "timer-b");
            long waited = (System.nanoTime() - sent) / 1_000_000;
            assertThat(fin).as("the caller's call ends well before 64*T1 = 32 s").isNotNull();
            assertThat(fin).as("a failure, not an answer").matches("(?s)SIP/2\\.0 [3-6]\\d\\d .*");
            assertThat(waited).as("not before timer B").isGreaterThanOrEqualTo(1500);
            assertThat(f.pbx.pbx.globals().get("ST")).as("Dial gives up as on a ring with no answer").isEqualTo("NOANSWER");
            // the transaction is over: timer A retransmits no more
            String retransmitted;
            int after = 0;
            while ((retransmitted = trunk.receive(Duration.ofMillis(2500))) != null) {
                if (retransmitted.startsWith("INVITE ")) after++;
            }
            assertThat(after).as("INVITEs after the call gave up (at most one already in flight)").isLessThanOrEqualTo(1);
        }
    }
}
