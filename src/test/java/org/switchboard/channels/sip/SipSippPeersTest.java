package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.registry.RegistrationState;
import org.switchboard.testing.Sipp;

/**
 * SIPp as the PBX's far end: a registrar for a {@code register =>} trunk, a peer answering
 * {@code qualify}, and a sender of malformed requests (the torture set).
 */
class SipSippPeersTest {
    private static final Duration MAX = Duration.ofSeconds(60);
    private static final String DIALPLAN = "[calls]\nexten => answer,1,Answer()\n same => n,Wait(5)\n";

    @TempDir Path dir;

    @BeforeAll
    static void sippInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) is not installed");
    }

    @Test
    void registerLineAnswersTheRegistrarsChallenge() throws Exception {
        try (Sipp registrar = Sipp.scenario("uas-register-server.xml").key("reg_user", "1001").key("reg_pass", "secret")
                .calls(1).start();
             SipPbxFixture f = SipPbxFixture.start(dir, "context=calls\nregister => 1001:secret@127.0.0.1:" + registrar.localPort() + "/100",
                 "", DIALPLAN)) {
            SipBackground bg = SipModule.get(f.pbx.pbx).background();
            await().atMost(Duration.ofSeconds(15)).until(() -> bg.registry().clients().get(0).state() == RegistrationState.REGISTERED);
            assertThat(bg.registry().clients().get(0).expiresSeconds()).isEqualTo(120);
            assertThat(f.pbx.pbx.modules().cliCommands().stream().filter(c -> String.join(" ", c.words()).equals("sip show registry"))
                .findFirst().map(c -> {
                    var out = new java.io.StringWriter();
                    c.execute(f.pbx.pbx, java.util.List.of(), new java.io.PrintWriter(out, true));
                    return out.toString();
                }).orElseThrow()).contains("Registered").contains("1001");
            assertThat(registrar.stop(MAX).ok()).isTrue();
        }
    }

    @Test
    void qualifyMarksAnAnsweringPeerReachable() throws Exception {
        try (Sipp peer = Sipp.scenario("uas-options.xml").calls(1).start();
             SipPbxFixture f = SipPbxFixture.start(dir, "context=calls",
                 "[trunk]\ntype=peer\nhost=127.0.0.1\nport=" + peer.localPort() + "\nqualify=yes\ncontext=calls\n", DIALPLAN)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> f.stack().peerStates().qualify("trunk").status().equals("OK"));
            // the state is set before its line is logged: wait for the line, then count it
            await().atMost(Duration.ofSeconds(5)).until(() -> !f.pbx.logLines("Peer 'trunk' is now Reachable.").isEmpty());
            assertThat(f.pbx.logLines("Peer 'trunk' is now Reachable.")).hasSize(1);
            assertThat(peer.stop(MAX).ok()).isTrue();
        }
    }

    @Test
    void tortureSetGetsItsAnswersAndThePbxStaysUp() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", DIALPLAN);
             Sipp s = Sipp.scenario("torture/torture-udp.xml").remote("127.0.0.1", f.port()).service("answer").calls(1)) {
            Sipp.Result r = s.run(MAX);
            assertThat(r.ok()).as("%s", r).isTrue();
            assertThat(f.channels("SIP/")).isZero();
        }
    }

    @Test
    void aNulByteInAHeaderIsRefusedWith400() throws Exception {
        byte[] raw = Files.readAllBytes(Path.of("src/test/resources/sipp/torture/nul-in-header.sip"));
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            p.sendRaw(f.port(), raw);
            String r = p.finalResponse(Duration.ofSeconds(5), "nul-byte-1@127.0.0.1");
            assertThat(r).startsWith("SIP/2.0 400");
        }
    }
}
