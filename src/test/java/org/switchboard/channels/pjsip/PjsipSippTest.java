package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.channels.pjsip.PjsipPbxFixture.phone;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.res.devstate.DeviceState;
import org.switchboard.res.devstate.DeviceStates;
import org.switchboard.testing.Sipp;

/**
 * pjsip.conf endpoints on the SIP stack, driven by SIPp phones over loopback: registration of
 * several contacts to one aor, forking to all of them, calls from an endpoint into its context,
 * wrong passwords and max_contacts as res_pjsip answers them.
 */
class PjsipSippTest {
    private static final Duration MAX = Duration.ofSeconds(60);
    private static final String PJSIP = """
        [phone](!)
        type=endpoint
        context=phones
        disallow=all
        allow=ulaw
        """
            + phone("alice", "phone", 2, "")
            + phone("bob", "phone")
            + phone("carol", "phone", 1, "remove_existing=yes")
            + phone("sipp", "phone");
    private static final String DIALPLAN = """
        [phones]
        exten => 600,1,Answer()
         same => n,Set(GLOBAL(CALLER)=${CHANNEL(name)})
         same => n,Wait(5)
        exten => fork,1,Dial(PJSIP/alice,10)
        """;

    @TempDir Path dir;

    @BeforeAll
    static void sippInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) is not installed");
    }

    private static Sipp.Result register(PjsipPbxFixture f, String user, String password, int localPort) {
        try (Sipp s = Sipp.scenario("uac-register.xml").remote("127.0.0.1", f.port()).service(user).auth(user, password)
                .localPort(localPort).calls(1)) {
            return s.run(MAX);
        }
    }

    @Test
    void twoContactsOfOneAorBothRingAndTheOneThatDoesNotAnswerIsCancelled() throws Exception {
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, PJSIP, DIALPLAN)) {
            int desk = PjsipPbxFixture.freePort(), soft = PjsipPbxFixture.freePort();
            assertThat(register(f, "alice", "alice-pw", desk).ok()).isTrue();
            assertThat(register(f, "alice", "alice-pw", soft).ok()).isTrue();
            assertThat(f.stack().registrar().contacts("alice")).hasSize(2);
            assertThat(f.pbx.eval("${PJSIP_DIAL_CONTACTS(alice)}").split("&")).containsExactlyInAnyOrder(
                "PJSIP/alice/sip:alice@127.0.0.1:" + desk + ";transport=UDP", "PJSIP/alice/sip:alice@127.0.0.1:" + soft + ";transport=UDP");
            assertThat(f.cli("pjsip show contacts")).contains("  Contact:  alice/sip:alice@127.0.0.1:" + desk)
                .contains("Objects found: 2");
            assertThat(f.cli("pjsip show endpoint alice")).contains(" Endpoint:  alice ").contains("Not in use")
                .contains("     InAuth:  alice/alice").contains("        Aor:  alice ").contains(" context                            : phones");
            assertThat(DeviceStates.of(f.pbx.pbx).state("PJSIP/alice")).isEqualTo(DeviceState.NOT_INUSE);
            assertThat(DeviceStates.of(f.pbx.pbx).state("PJSIP/bob")).isEqualTo(DeviceState.UNAVAILABLE);
            try (Sipp answers = Sipp.scenario("uas-basic.xml").localPort(desk).calls(1).start();
                 Sipp rings = Sipp.scenario("uas-ring-no-answer.xml").localPort(soft).calls(1).start();
                 Sipp caller = Sipp.scenario("uac-auth.xml").remote("127.0.0.1", f.port()).service("fork")
                     .auth("sipp", "sipp-pw").calls(1)) {
                Sipp.Result r = caller.run(MAX);
                assertThat(r.ok()).as("the caller: %s", r).isTrue();
                assertThat(answers.stop(MAX).ok()).as("the phone that answers").isTrue();
                assertThat(rings.stop(MAX).ok()).as("the phone that rang and got CANCEL").isTrue();
            }
        }
    }

    @Test
    void aCallFromAnEndpointReachesItsContextOnAPjsipChannel() throws Exception {
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, PJSIP, DIALPLAN);
             Sipp caller = Sipp.scenario("uac-auth.xml").remote("127.0.0.1", f.port()).service("600").auth("sipp", "sipp-pw").calls(1)) {
            Sipp.Result r = caller.run(MAX);
            assertThat(r.ok()).as("%s", r).isTrue();
            assertThat(f.pbx.pbx.globals().get("CALLER")).matches("PJSIP/sipp-[0-9a-f]{8}");
        }
    }

    @Test
    void aWrongPasswordIsChallengedAgainAndRegistersNothing() throws Exception {
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, PJSIP, DIALPLAN)) {
            Sipp.Result r = register(f, "alice", "not-the-password", PjsipPbxFixture.freePort());
            assertThat(r.ok()).isFalse();
            assertThat(f.stack().registrar().contacts("alice")).isEmpty();
            assertThat(f.pbx.logLines("Wrong password")).isNotEmpty();
        }
    }

    @Test
    void maxContactsRefusesTheExtraContactUnlessRemoveExistingReplacesTheOldest() throws Exception {
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, PJSIP, DIALPLAN)) {
            int first = PjsipPbxFixture.freePort(), second = PjsipPbxFixture.freePort();
            assertThat(register(f, "bob", "bob-pw", first).ok()).isTrue();
            assertThat(register(f, "bob", "bob-pw", second).ok()).as("remove_existing=no: 403").isFalse();
            assertThat(f.stack().registrar().contacts("bob")).singleElement()
                .satisfies(b -> assertThat(b.contact().port()).isEqualTo(first));
            assertThat(f.pbx.logLines("will exceed max contacts of 1")).hasSize(1);

            assertThat(register(f, "carol", "carol-pw", first).ok()).isTrue();
            await().atMost(Duration.ofSeconds(3)).pollDelay(Duration.ofMillis(1100)).until(() -> true); // a later registeredAt
            assertThat(register(f, "carol", "carol-pw", second).ok()).as("remove_existing=yes").isTrue();
            assertThat(f.stack().registrar().contacts("carol")).singleElement()
                .satisfies(b -> assertThat(b.contact().port()).isEqualTo(second));
            // pjsip reload keeps what is registered
            assertThat(f.cli("pjsip reload")).isEmpty();
            assertThat(f.stack().registrar().contacts("carol")).hasSize(1);
            assertThat(f.pbx.logLines("PJSIP reloaded: 4 endpoint(s)")).hasSize(1);
        }
    }
}
