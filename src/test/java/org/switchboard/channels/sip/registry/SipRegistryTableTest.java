package org.switchboard.channels.sip.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.channels.sip.registry.RegistryFixture.bytes;
import static org.switchboard.channels.sip.registry.RegistryFixture.line;
import static org.switchboard.channels.sip.registry.RegistryFixture.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.config.SipRegistration;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipResponses;

/** SipRegistry: reload keeps what is unchanged; sip show registry renders like chan_sip. */
class SipRegistryTableTest {
    static final SipSettings S = settings("[general]\n");
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Clock AT = Clock.fixed(Instant.parse("2026-11-26T14:30:01Z"), ZoneOffset.UTC);

    RegistryFixture.Client client;
    RegistryFixture.Fake fake;
    SipRegistry registry;

    /** Answers 200 with Expires 120 to a REGISTER, Expires 0 to an unregister. */
    static byte[] ok(SipRequest r) {
        SipResponse ok = SipResponses.create(r, 200, "fake1");
        return bytes(ok.withHeaders(ok.headers().toBuilder().add("Expires", r.header("Expires")).build()));
    }

    void setUp() throws Exception {
        fake = new RegistryFixture.Fake(SipRegistryTableTest::ok);
        client = new RegistryFixture.Client(RegistryFixture.FAST);
        registry = new SipRegistry(r -> client.client(r, S, AT, new RetryPolicy(Duration.ofMillis(200), 0)), ZoneOffset.UTC);
    }

    @AfterEach void tearDown() {
        if (registry != null) registry.stop();
        if (client != null) client.close();
        if (fake != null) fake.close();
    }

    SipRegistration at(String value, int lineNo) { return SipRegistration.parse(value, "sip.conf", lineNo); }

    @Test void showRegistryIsChanSipsTable() throws Exception {
        setUp();
        registry.start(List.of(line("trunkuser:pw@127.0.0.1:" + fake.port())));
        RegistrationClient c = registry.clients().get(0);
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.REGISTERED);
        String host = "127.0.0.1:" + fake.port();
        assertThat(registry.showRegistry()).isEqualTo(
            "Host                                    dnsmgr Username       Refresh State                Reg.Time                 \n"
            + String.format("%-39s", host) + " N      trunkuser          105 Registered           Thu, 26 Nov 2026 14:30:01\n"
            + "1 SIP registrations.\n");
    }

    @Test void showRegistryBeforeAnyAnswerAndWithADomain() throws Exception {
        setUp();
        registry.start(List.of(line("trunkuser@example.com:pw@127.0.0.1:1/9")));
        String table = registry.showRegistry();
        assertThat(table).contains("127.0.0.1:1 ").contains(" trunkuser@ex ").endsWith("1 SIP registrations.\n");
        assertThat(table.lines().toList().get(1)).matches(".{39} N      trunkuser@ex       120 (Request Sent|Timeout) +");
    }

    @Test void emptyRegistry() {
        registry = new SipRegistry(r -> { throw new AssertionError(); }, ZoneOffset.UTC);
        assertThat(registry.showRegistry()).endsWith("\n0 SIP registrations.\n");
    }

    @Test void reloadKeepsUnchangedLinesStopsRemovedOnesAndStartsNewOnes() throws Exception {
        setUp();
        String keep = "keepuser:pw@127.0.0.1:" + fake.port();
        String drop = "dropuser:pw@127.0.0.1:" + fake.port();
        registry.start(List.of(at(keep, 10), at(drop, 11)));
        List<RegistrationClient> before = registry.clients();
        await().atMost(WAIT).until(() -> before.stream().allMatch(c -> c.state() == RegistrationState.REGISTERED));
        RegistrationClient kept = before.get(0);
        RegistrationClient dropped = before.get(1);

        // the kept line moved down a line in sip.conf: still the same line
        registry.reload(List.of(at("newuser:pw@127.0.0.1:" + fake.port(), 3), at(keep, 12)));
        List<RegistrationClient> after = registry.clients();
        assertThat(after).hasSize(2);
        assertThat(after.get(1)).isSameAs(kept);
        assertThat(after.get(0).username()).isEqualTo("newuser");
        assertThat(after).doesNotContain(dropped);
        assertThat(kept.state()).isIn(RegistrationState.REGISTERED, RegistrationState.REQUEST_SENT);

        await().atMost(WAIT).until(() -> dropped.state() == RegistrationState.UNREGISTERED);
        assertThat(fake.requests.stream().filter(r -> r.header("From").contains("dropuser"))
            .map(r -> r.header("Expires")).toList()).last().isEqualTo("0");
        await().atMost(WAIT).until(() -> after.get(0).state() == RegistrationState.REGISTERED);
        assertThat(registry.showRegistry()).endsWith("2 SIP registrations.\n");
    }

    @Test void changedSecretIsANewClient() throws Exception {
        setUp();
        registry.start(List.of(line("u:one@127.0.0.1:" + fake.port())));
        RegistrationClient first = registry.clients().get(0);
        registry.reload(List.of(line("u:two@127.0.0.1:" + fake.port())));
        assertThat(registry.clients().get(0)).isNotSameAs(first);
        assertThat(SipRegistry.sameLine(line("a@h"), at("a@h", 99))).isTrue();
    }

    @Test void stopUnregistersEveryone() throws Exception {
        setUp();
        registry.start(List.of(line("a:pw@127.0.0.1:" + fake.port()), line("b:pw@127.0.0.1:" + fake.port())));
        List<RegistrationClient> all = registry.clients();
        await().atMost(WAIT).until(() -> all.stream().allMatch(c -> c.state() == RegistrationState.REGISTERED));
        registry.stop().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(all).allMatch(c -> c.state() == RegistrationState.UNREGISTERED);
        assertThat(registry.clients()).isEmpty();
        assertThat(fake.requests.stream().filter(r -> "0".equals(r.header("Expires"))).count()).isEqualTo(2);
    }
}
