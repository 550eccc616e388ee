package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.message.DigestChallenge;
import org.switchboard.channels.sip.message.DigestCredentials;

/** What an INVITE from a stranger, a wrong password or a flood of them gets; what never reaches a dialplan. */
class SipSecurityTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String DIALPLAN = "[phones]\nexten => 100,1,Answer()\n same => n,Verbose(1,@reached)\n same => n,Wait(10)\n";
    private static final String PEERS = "[desk]\ntype=friend\nhost=dynamic\nsecret=s3cret\ncontext=phones\n";

    @TempDir Path dir;

    private static String statusLine(String m) { return m == null ? null : m.substring(0, m.indexOf('\r')); }

    /** The header names of a response, in order: what a prober could tell two answers apart by. */
    private static List<String> headerNames(String m) {
        return Arrays.stream(m.split("\r\n")).skip(1).takeWhile(l -> !l.isEmpty()).map(l -> l.substring(0, l.indexOf(':'))).toList();
    }

    @Test
    void withoutGuestsAStrangerNeverReachesTheDialplan() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no\nalwaysauthreject=no\ncontext=phones", PEERS, DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "mallory", "100", "stranger-1", ""));
            assertThat(statusLine(p.finalResponse(WAIT, "stranger-1"))).isEqualTo("SIP/2.0 403 Forbidden");
            assertThat(f.pbx.path()).isEmpty();
            assertThat(f.channels("SIP/")).isZero();
        }
    }

    @Test
    void alwaysAuthRejectAnswersStrangersAndKnownUsersAlike() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no\nalwaysauthreject=yes\ncontext=phones", PEERS, DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "desk", "100", "known-1", ""));
            String known = p.finalResponse(WAIT, "known-1");
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "nobody", "100", "unknown-1", ""));
            String unknown = p.finalResponse(WAIT, "unknown-1");
            assertThat(statusLine(known)).isEqualTo("SIP/2.0 407 Proxy Authentication Required");
            assertThat(statusLine(unknown)).isEqualTo(statusLine(known));
            assertThat(headerNames(unknown)).isEqualTo(headerNames(known));

            // a wrong password and a made-up account with credentials: still the same answer
            String wrongKnown = answerWith(f, p, known, "desk", "not-it", "known-2");
            String wrongUnknown = answerWith(f, p, unknown, "nobody", "guess", "unknown-2");
            assertThat(statusLine(wrongKnown)).isEqualTo("SIP/2.0 407 Proxy Authentication Required");
            assertThat(statusLine(wrongUnknown)).isEqualTo(statusLine(wrongKnown));
            assertThat(headerNames(wrongUnknown)).isEqualTo(headerNames(wrongKnown));
            assertThat(f.pbx.path()).isEmpty();
        }
    }

    @Test
    void digestAlgorithmsOffersSha256WhenAsked() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no\ncontext=phones\ndigestalgorithms=sha-256,md5,sha-512", PEERS, DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "desk", "100", "alg-1", ""));
            List<String> challenges = Arrays.stream(p.finalResponse(WAIT, "alg-1").split("\r\n"))
                .filter(l -> l.startsWith("Proxy-Authenticate:")).toList();
            assertThat(challenges).hasSize(2);
            assertThat(challenges.get(0)).contains("algorithm=SHA-256");
            assertThat(challenges.get(1)).contains("algorithm=MD5");
            assertThat(f.pbx.logLines("unknown digest algorithm 'sha-512' (md5, sha-256)")).hasSize(1);
            assertThat(f.pbx.logLines("sip.conf:")).isNotEmpty();
        }
    }

    @Test
    void theRightPasswordGetsTheCallThrough() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no\nalwaysauthreject=yes\ncontext=phones", PEERS, DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "desk", "100", "right-1", ""));
            String challenge = p.finalResponse(WAIT, "right-1");
            String ok = answerWith(f, p, challenge, "desk", "s3cret", "right-2");
            assertThat(statusLine(ok)).isEqualTo("SIP/2.0 200 OK");
            assertThat(ok).contains("Content-Type: application/sdp").contains("m=audio ");
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> f.pbx.path().contains("@reached"));
        }
    }

    @Test
    void repeatedFailuresBlockTheAddressAndSayWhy() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no\nalwaysauthreject=yes\ncontext=phones", PEERS, DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "desk", "100", "brute-0", ""));
            String challenge = p.finalResponse(WAIT, "brute-0");
            for (int i = 1; i <= 6; i++) {
                String r = answerWith(f, p, challenge, "desk", "guess" + i, "brute-" + i);
                if (r != null && r.startsWith("SIP/2.0 407")) challenge = r;
            }
            org.awaitility.Awaitility.await().atMost(WAIT).failFast(() -> false)
                .untilAsserted(() -> assertThat(f.pbx.log).anyMatch(l -> l.contains("SecurityEvent=\"AddressBlocked\"")));
            // blocked now: even the right password is refused
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "desk", "100", "brute-ok", ""));
            String r = p.finalResponse(WAIT, "brute-ok");
            assertThat(r == null || r.startsWith("SIP/2.0 403")).as("blocked address answer: %s", r).isTrue();
            assertThat(f.pbx.path()).isEmpty();
        }
    }

    @Test
    void callLimitIsCheckedBeforeAnRtpPortIsTaken() throws Exception {
        // one RTP port pair, held by the first call: the second is refused for its limit (480), not
        // for want of a port (503) — a peer at its limit costs no socket work
        java.nio.file.Files.writeString(dir.resolve("rtp.conf"), "[general]\nrtpstart=22990\nrtpend=22991\n");
        String peers = "[desk]\ntype=friend\nhost=dynamic\ncontext=phones\ncall-limit=1\n";
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no\ncontext=phones", peers, DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer(SipPbxFixture.nextLoopback())) {
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "desk", "100", "port-1", ""));
            assertThat(statusLine(p.finalResponse(WAIT, "port-1"))).isEqualTo("SIP/2.0 200 OK");
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "desk", "100", "port-2", ""));
            assertThat(statusLine(p.finalResponse(WAIT, "port-2"))).startsWith("SIP/2.0 480");
            assertThat(f.stack().peerStates().inUse("desk")).isEqualTo(1);
        }
    }

    @Test
    void callLimitRefusesTheSecondCall() throws Exception {
        String peers = "[desk]\ntype=friend\nhost=dynamic\ncontext=phones\ncall-limit=1\n";
        // a loopback address of its own: the notice is rate-limited per address for the whole JVM
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no\ncontext=phones", peers, DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer(SipPbxFixture.nextLoopback())) {
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "desk", "100", "limit-1", ""));
            assertThat(statusLine(p.finalResponse(WAIT, "limit-1"))).isEqualTo("SIP/2.0 200 OK");
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "desk", "100", "limit-2", ""));
            assertThat(statusLine(p.finalResponse(WAIT, "limit-2"))).startsWith("SIP/2.0 480");
            assertThat(f.pbx.logLines("rejected due to usage limit of 1")).isNotEmpty();
            assertThat(f.channels("SIP/desk-")).isEqualTo(1);
        }
    }

    @Test
    void malformedMessagesGetA400OrAreDroppedAndTheStackKeepsAnswering() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=phones", "", DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            String badLength = SipPbxFixture.invite(f.port(), p.port(), "x", "100", "bad-1", "").replaceFirst("Content-Length: \\d+", "Content-Length: ten");
            p.send(f.port(), badLength);
            assertThat(statusLine(p.finalResponse(WAIT, "bad-1"))).startsWith("SIP/2.0 400");
            // without a Call-ID or with a CSeq that does not parse no response can be built (RFC 3261 §8.2.6.2): dropped
            p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), "x", "100", "bad-3", "").replace("CSeq: 1 INVITE", "CSeq: one INVITE"));
            String noCallId = SipPbxFixture.invite(f.port(), p.port(), "x", "100", "bad-0", "").replace("Call-ID: bad-0\n", "");
            p.send(f.port(), noCallId);
            String badSdp = SipPbxFixture.invite(f.port(), p.port(), "x", "100", "bad-2", "")
                .replace("m=audio 40000 RTP/AVP 0", "m=audio forty RTP/AVP zero");
            p.send(f.port(), badSdp);
            assertThat(statusLine(p.finalResponse(WAIT, "bad-2"))).matches("SIP/2\\.0 (400|488) .*");
            p.sendRaw(f.port(), new byte[] {0, 1, 2, 3, (byte) 0xff, 'I', 'N', 'V'});
            p.send(f.port(), "GARBAGE\n\n");
            String huge = "OPTIONS sip:x@127.0.0.1 SIP/2.0\n" + "X-Filler: " + "a".repeat(60_000) + "\n\n";
            p.send(f.port(), huge);
            assertThat(f.channels("SIP/")).isZero();
            // still alive and answering
            p.send(f.port(), "OPTIONS sip:x@127.0.0.1:" + f.port() + " SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:" + p.port()
                + ";branch=z9hG4bKalive1\nMax-Forwards: 70\nFrom: <sip:a@127.0.0.1>;tag=1\nTo: <sip:x@127.0.0.1>\n"
                + "Call-ID: alive-1\nCSeq: 1 OPTIONS\nContent-Length: 0\n\n");
            String ok = p.finalResponse(WAIT, "alive-1");
            assertThat(statusLine(ok)).isEqualTo("SIP/2.0 200 OK");
            assertThat(ok).contains("Allow: INVITE, ACK, CANCEL, OPTIONS, BYE");
        }
    }

    /** Sends the INVITE again with digest credentials answering {@code challenge}; returns the final response. */
    private static String answerWith(SipPbxFixture f, SipPbxFixture.RawPeer p, String challenge, String user, String password,
                                     String callId) throws Exception {
        String header = Arrays.stream(challenge.split("\r\n")).filter(l -> l.startsWith("Proxy-Authenticate:"))
            .filter(l -> l.contains("MD5")).findFirst().orElseThrow().substring("Proxy-Authenticate:".length()).trim();
        DigestChallenge ch = DigestChallenge.parse(header);
        String uri = "sip:100@127.0.0.1:" + f.port();
        DigestCredentials cred = DigestCredentials.answer(ch, user, password, "INVITE", uri, "c0ffee", 1);
        p.send(f.port(), SipPbxFixture.invite(f.port(), p.port(), user, "100", callId,
            "Proxy-Authorization: " + cred.toHeaderValue() + "\n"));
        return p.finalResponse(WAIT, callId);
    }
}
