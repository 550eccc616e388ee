package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.testing.Sipp;

/**
 * SIPp against the PBX: calls in (plain, digest, CANCEL, busy, hold/resume, no SDP, INFO DTMF,
 * REGISTER, packet loss) and calls out (answered, busy, unregistered), each asserting what SIPp
 * saw (every call successful, no unexpected message) and what the dialplan did.
 */
class SipSippTest {
    private static final Duration MAX = Duration.ofSeconds(60);
    private static final String PEERS = """
        [sipp]
        type=friend
        host=dynamic
        secret=pw
        context=calls
        dtmfmode=info
        """;
    private static final String DIALPLAN = """
        [calls]
        exten => answer,1,Answer()
         same => n,Wait(30)
        exten => ring,1,Ringing()
         same => n,Wait(30)
        exten => busy,1,Busy()
        exten => read,1,Answer()
         same => n,Read(D,,1)
         same => n,Verbose(1,@got ${D})
         same => n,Wait(10)
        [out]
        exten => go,1,Dial(SIP/callee@127.0.0.1:${SIPP_PORT},10,g)
         same => n,Verbose(1,@status ${DIALSTATUS})
         same => n,Set(K=${HANGUPCAUSE_KEYS()})
         same => n,Verbose(1,@cause ${HANGUPCAUSE(${K},tech)}/${HANGUPCAUSE(${K},ast)})
        exten => desk,1,Dial(SIP/desk,5)
         same => n,Verbose(1,@status ${DIALSTATUS})
        """;

    @TempDir Path dir;

    @BeforeAll
    static void sippInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) is not installed");
    }

    private SipPbxFixture guests() throws Exception {
        return SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "[desk]\ntype=friend\nhost=dynamic\n", DIALPLAN); // SIPp calls as a guest
    }

    private static Sipp uac(SipPbxFixture f, String scenario, String service, int calls) {
        return Sipp.scenario(scenario).remote("127.0.0.1", f.port()).service(service).calls(calls).rate(10);
    }

    @Test
    void basicCallsAreAnsweredAndHungUpWithoutRetransmissions() throws Exception {
        try (SipPbxFixture f = guests(); Sipp s = uac(f, "uac-basic.xml", "answer", 5)) {
            Sipp.Result r = s.run(MAX);
            assertThat(r.ok()).as("%s", r).isTrue();
            assertThat(r.successful()).isEqualTo(5);
            assertThat(r.retransmissions()).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> f.channels("SIP/") == 0);
        }
    }

    @Test
    void digestAuthenticatedCallsGoThroughAndAWrongPasswordDoesNot() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no\nalwaysauthreject=yes\ncontext=calls", PEERS, DIALPLAN)) {
            try (Sipp s = uac(f, "uac-auth.xml", "answer", 3).auth("sipp", "pw")) {
                Sipp.Result r = s.run(MAX);
                assertThat(r.ok()).as("%s", r).isTrue();
                assertThat(r.successful()).isEqualTo(3);
            }
            try (Sipp s = uac(f, "uac-auth.xml", "answer", 1).auth("sipp", "wrong").timeout(Duration.ofSeconds(10))) {
                Sipp.Result r = s.run(MAX);
                assertThat(r.ok()).as("%s", r).isFalse();
                assertThat(r.successful()).isZero();
            }
            assertThat(f.pbx.logLines("Wrong password")).isNotEmpty();
        }
    }

    @Test
    void cancelBeforeAnswerEndsTheCall() throws Exception {
        try (SipPbxFixture f = guests(); Sipp s = uac(f, "uac-cancel.xml", "ring", 3)) {
            Sipp.Result r = s.run(MAX);
            assertThat(r.ok()).as("%s", r).isTrue();
            assertThat(f.pbx.logLines("Got CANCEL on SIP/")).hasSize(3);
            await().atMost(Duration.ofSeconds(5)).until(() -> f.channels("SIP/") == 0);
        }
    }

    @Test
    void busyIsA486() throws Exception {
        try (SipPbxFixture f = guests(); Sipp s = uac(f, "uac-busy.xml", "busy", 3)) {
            Sipp.Result r = s.run(MAX);
            assertThat(r.ok()).as("%s", r).isTrue();
        }
    }

    @Test
    void holdAndResumeByReInvite() throws Exception {
        try (SipPbxFixture f = guests(); Sipp s = uac(f, "uac-hold.xml", "answer", 2)) {
            Sipp.Result r = s.run(MAX);
            assertThat(r.ok()).as("%s", r).isTrue();
            assertThat(f.pbx.logLines("is put on hold")).hasSize(2);
            assertThat(f.pbx.logLines("is taken off hold")).hasSize(2);
        }
    }

    @Test
    void optionsAndAnInviteWithoutSdp() throws Exception {
        try (SipPbxFixture f = guests()) {
            try (Sipp s = uac(f, "uac-options.xml", "answer", 2)) {
                Sipp.Result r = s.run(MAX);
                assertThat(r.ok()).as("%s", r).isTrue();
            }
            try (Sipp s = uac(f, "uac-no-sdp.xml", "answer", 2)) {
                Sipp.Result r = s.run(MAX);
                assertThat(r.ok()).as("%s", r).isTrue();
            }
        }
    }

    @Test
    void infoDtmfReachesRead() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no\ncontext=calls",
                "[sipp]\ntype=friend\nhost=dynamic\ncontext=calls\ndtmfmode=info\n", DIALPLAN);
             Sipp s = uac(f, "uac-info-dtmf.xml", "read", 1)) {
            Sipp.Result r = s.run(MAX);
            assertThat(r.ok()).as("%s", r).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> f.pbx.path().contains("@got 5"));
        }
    }

    @Test
    void registerWithDigest() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no\ncontext=calls",
                "[1001]\ntype=friend\nhost=dynamic\nsecret=secret\ncontext=calls\n", DIALPLAN);
             Sipp s = uac(f, "uac-register.xml", "1001", 1).auth("1001", "secret")) {
            Sipp.Result r = s.run(MAX);
            assertThat(r.ok()).as("%s", r).isTrue();
            assertThat(f.stack().registrar().contact("1001")).isNotNull();
        }
    }

    @Test
    void lostPacketsAreRetransmittedAndEveryCallCompletes() throws Exception {
        try (SipPbxFixture f = guests(); Sipp s = uac(f, "uac-lossy.xml", "answer", 10).lost(10).timeout(Duration.ofSeconds(50))) {
            Sipp.Result r = s.run(Duration.ofSeconds(90));
            assertThat(r.failed()).as("%s", r).isZero();
            assertThat(r.successful()).isEqualTo(10);
        }
    }

    @Test
    void outgoingCallsReportDialStatus() throws Exception {
        try (SipPbxFixture f = guests()) {
            try (Sipp callee = Sipp.scenario("uas-answer-then-hangup.xml").calls(1).start()) {
                assertThat(dial(f, "go", callee.localPort())).isEqualTo("ANSWER");
                assertThat(callee.stop(MAX).ok()).isTrue();
            }
            try (Sipp callee = Sipp.scenario("uas-busy.xml").calls(1).start()) {
                assertThat(dial(f, "go", callee.localPort())).isEqualTo("BUSY");
                assertThat(callee.stop(MAX).ok()).isTrue();
            }
            assertThat(dial(f, "desk", 0)).isEqualTo("CHANUNAVAIL");
        }
    }

    @Test
    void refusalsMapToDialStatusAsChanSipMapsThem() throws Exception {
        String[][] cases = {{"503", "Service Unavailable", "CONGESTION"}, {"408", "Request Timeout", "NOANSWER"},
            {"480", "Temporarily Unavailable", "NOANSWER"}, {"404", "Not Found", "CHANUNAVAIL"}, {"603", "Decline", "CHANUNAVAIL"}};
        try (SipPbxFixture f = guests()) {
            for (String[] c : cases) {
                Path scenario = dir.resolve("uas-reject-" + c[0] + ".xml");
                java.nio.file.Files.writeString(scenario, java.nio.file.Files.readString(Sipp.SCENARIOS.resolve("uas-reject.template.xml"))
                    .replace("CODE REASON", c[0] + " " + c[1]));
                try (Sipp callee = Sipp.scenario(scenario.toAbsolutePath().toString()).calls(1).start()) {
                    assertThat(dial(f, "go", callee.localPort())).as("DIALSTATUS after %s", c[0]).isEqualTo(c[2]);
                    assertThat(f.pbx.path().get(f.pbx.path().size() - 1)).startsWith("@cause SIP " + c[0] + " " + c[1] + "/");
                    assertThat(callee.stop(MAX).ok()).as("the %s was ACKed", c[0]).isTrue();
                }
            }
        }
    }

    /** Runs out,exten on a fresh channel; returns the DIALSTATUS the dialplan printed. */
    private static String dial(SipPbxFixture f, String exten, int port) {
        f.pbx.pbx.globals().put("SIPP_PORT", Integer.toString(port));
        int before = f.pbx.path().size();
        Channel c = f.pbx.channel("Test/caller");
        c.setLocation("out", exten, 1);
        f.pbx.pbx.runPbx(c);
        return f.pbx.path().subList(before, f.pbx.path().size()).stream().filter(l -> l.startsWith("@status "))
            .map(l -> l.substring(8)).findFirst().orElse("(none)");
    }
}
