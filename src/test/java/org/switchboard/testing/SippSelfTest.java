package org.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the SIPp scenarios and the {@link Sipp} harness SIPp-against-SIPp: each PBX-facing
 * scenario runs against a SIPp peer standing in for the PBX (or for the phone the PBX calls).
 * Both sides must report every call successful, so a scenario that only "works" because its
 * peer gave up would still fail here.
 */
@Tag("harness") // checks the test harness, not the PBX: run with ./mvnw test -Pharness
class SippSelfTest {
    private static final int CALLS = 5;
    private static final Duration MAX = Duration.ofSeconds(60);

    @BeforeAll
    static void sippInstalled() {
        assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) not installed");
    }

    /** Runs {@code uac} against a started {@code uas}; both must do {@code calls} good calls. */
    private static Sipp.Result pair(Sipp uas, Sipp uac, int calls) {
        try (uas; uac) {
            uas.calls(calls).start();
            Sipp.Result client = uac.remote(uas).calls(calls).rate(10).timeout(Duration.ofSeconds(45)).run(MAX);
            Sipp.Result server = uas.stop(Duration.ofSeconds(15));
            assertThat(client.successful()).as("%s", client).isEqualTo(calls);
            assertThat(client.failed()).as("%s", client).isZero();
            assertThat(client.exitCode()).as("%s", client).isZero();
            assertThat(server.successful()).as("%s", server).isEqualTo(calls);
            assertThat(server.failed()).as("%s", server).isZero();
            assertThat(server.ok()).as("%s", server).isTrue();
            return client;
        }
    }

    @Test
    void basicCallAgainstBuiltInUas() {
        pair(Sipp.scenario("uas"), Sipp.scenario("uac-basic.xml"), CALLS);
    }

    @Test
    void builtInUacWithLimitAndInjectionFile(@TempDir Path tmp) throws IOException {
        Path csv = Files.writeString(tmp.resolve("users.csv"), "SEQUENTIAL\n1001;secret\n1002;secret\n");
        pair(Sipp.scenario("uas"), Sipp.scenario("uac").limit(2).inf(csv).arg("-d", "100"), CALLS);
    }

    @Test
    void basicCallAgainstUasBasic() {
        pair(Sipp.scenario("uas-basic.xml"), Sipp.scenario("uac-basic.xml"), CALLS);
    }

    @Test
    void extraHeadersArriveAtUasExpectHeader() {
        pair(Sipp.scenario("uas-expect-header.xml"), Sipp.scenario("uac-x-header.xml"), CALLS);
    }

    @Test
    void calleeHangsUp() {
        pair(Sipp.scenario("uas-answer-then-hangup.xml"), Sipp.scenario("peers/uac-callee-hangs-up.xml"), CALLS);
    }

    @Test
    void cancelWhileRinging() {
        pair(Sipp.scenario("uas-ring-no-answer.xml"), Sipp.scenario("uac-cancel.xml"), CALLS);
    }

    @Test
    void busy() {
        pair(Sipp.scenario("uas-busy.xml"), Sipp.scenario("uac-busy.xml"), CALLS);
    }

    @Test
    void options() {
        pair(Sipp.scenario("uas-options.xml"), Sipp.scenario("uac-options.xml"), CALLS);
    }

    @Test
    void registerWithDigest() {
        pair(Sipp.scenario("uas-register-server.xml").key("reg_user", "1001").key("reg_pass", "secret"),
                Sipp.scenario("uac-register.xml").service("1001").auth("1001", "secret"), CALLS);
    }

    @Test
    void registerWithWrongPasswordFails() {
        try (Sipp uas = Sipp.scenario("uas-register-server.xml").key("reg_user", "1001").key("reg_pass", "secret");
             Sipp uac = Sipp.scenario("uac-register.xml").service("1001").auth("1001", "wrong")) {
            uas.calls(1).start();
            Sipp.Result r = uac.remote(uas).calls(1).timeout(Duration.ofSeconds(20)).run(MAX);
            assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
            assertThat(r.failed()).as("%s", r).isEqualTo(1);
            assertThat(r.successful()).as("%s", r).isZero();
            assertThat(r.errors()).as("%s", r).contains("403 Forbidden");
        }
    }

    @Test
    void inviteWithDigestChallenge() {
        pair(Sipp.scenario("peers/uas-auth.xml"), Sipp.scenario("uac-auth.xml").auth("1001", "secret"), CALLS);
    }

    @Test
    void holdAndResume() {
        pair(Sipp.scenario("peers/uas-dialog.xml"), Sipp.scenario("uac-hold.xml"), CALLS);
    }

    @Test
    void delayedOffer() {
        pair(Sipp.scenario("peers/uas-dialog.xml"), Sipp.scenario("uac-no-sdp.xml"), CALLS);
    }

    @Test
    void infoDtmf() {
        pair(Sipp.scenario("peers/uas-dialog.xml"), Sipp.scenario("uac-info-dtmf.xml"), CALLS);
    }

    @Test
    void tcpTransport() {
        try (Sipp uas = Sipp.scenario("uas-basic.xml").tcp(); Sipp uac = Sipp.scenario("uac-basic.xml").tcp()) {
            uas.calls(CALLS).start();
            Sipp.Result client = uac.remote(uas).calls(CALLS).rate(10).timeout(Duration.ofSeconds(45)).run(MAX);
            Sipp.Result server = uas.stop(Duration.ofSeconds(15));
            assertThat(client.ok()).as("%s", client).isTrue();
            assertThat(client.successful()).as("%s", client).isEqualTo(CALLS);
            // the UAC closes its connection when its last call ends; SIPp fails the UAS calls still
            // in their <timewait> with FailedTcpClosed (a SIPp-vs-SIPp artefact, not a SIP error)
            assertThat(server.successful() + server.counter("FailedTcpClosed")).as("%s", server).isEqualTo(CALLS);
            assertThat(server.failed()).as("%s", server).isEqualTo(server.counter("FailedTcpClosed"));
        }
    }

    @Test
    void failureIsReported() {
        // uac-busy expects 486; a peer that answers 200 makes every call fail (unexpected message)
        try (Sipp uas = Sipp.scenario("uas-basic.xml"); Sipp uac = Sipp.scenario("uac-busy.xml")) {
            uas.start();
            Sipp.Result r = uac.remote(uas).calls(2).rate(10).timeout(Duration.ofSeconds(20)).run(MAX);
            assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
            assertThat(r.failed()).as("%s", r).isEqualTo(2);
            assertThat(r.errors()).as("%s", r).contains("unexpected message");
        }
    }

    @Test
    void nothingListeningTimesOutAndFails() {
        try (Sipp uac = Sipp.scenario("uac-options.xml").remote(Sipp.HOST, SippPorts.freeUdp())) {
            Sipp.Result r = uac.calls(1).arg("-recv_timeout", "2000").timeout(Duration.ofSeconds(10)).run(MAX);
            assertThat(r.ok()).as("%s", r).isFalse();
            assertThat(r.failed()).as("%s", r).isEqualTo(1);
        }
    }
}
