package org.switchboard.channels.sip.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.channels.sip.registry.RegistryFixture.line;
import static org.switchboard.channels.sip.registry.RegistryFixture.settings;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.message.Digest;
import org.switchboard.channels.sip.message.DigestCredentials;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.registrar.Binding;
import org.switchboard.channels.sip.transaction.TimerSettings;
import org.switchboard.channels.sip.transport.Protocol;

/** A register => line against our own Registrar over real UDP. */
class SipRegistryClientTest {
    static final String CONF = """
        [general]
        realm=switchboard.test
        minexpiry=1
        alwaysauthreject=%s
        [trunkuser]
        type=peer
        host=dynamic
        secret=s3cret
        context=from-trunk
        """;
    static final RetryPolicy QUICK = new RetryPolicy(Duration.ofMillis(200), 0);
    static final Duration WAIT = Duration.ofSeconds(10);

    RegistryFixture.Server server;
    RegistryFixture.Client client;

    RegistrationClient setUp(boolean alwaysAuthReject, List<String> algorithms, String userPart, String suffix)
            throws Exception {
        SipSettings s = settings(CONF.formatted(alwaysAuthReject ? "yes" : "no"));
        server = new RegistryFixture.Server(s, algorithms);
        client = new RegistryFixture.Client(TimerSettings.DEFAULT);
        return client.client(line(userPart + "@127.0.0.1:" + server.port() + suffix), s, QUICK);
    }

    @AfterEach void tearDown() {
        if (client != null) client.close();
        if (server != null) server.close();
    }

    static String algorithmOf(SipRequest r) {
        return DigestCredentials.parse(r.header("Authorization")).algorithmOrDefault();
    }

    @Test void registersWithSha256WhenTheRegistrarPrefersIt() throws Exception {
        RegistrationClient c = setUp(true, List.of(Digest.SHA_256, Digest.MD5), "trunkuser:s3cret", "/1000");
        RegistryFixture.States states = new RegistryFixture.States();
        c.addStateListener(states);
        assertThat(c.state()).isEqualTo(RegistrationState.UNREGISTERED);
        c.start();
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.REGISTERED);
        assertThat(states.seen).containsExactly(RegistrationState.REQUEST_SENT, RegistrationState.AUTH_SENT,
            RegistrationState.REGISTERED);
        Binding b = server.registrar.contact("trunkuser");
        assertThat(b).isNotNull();
        assertThat(b.contact().user()).isEqualTo("1000");
        assertThat(b.contact().host()).isEqualTo("127.0.0.1");
        assertThat(b.contact().port()).isEqualTo(client.transport.localAddress().getPort());
        assertThat(c.expiresSeconds()).isEqualTo(120);
        assertThat(c.refreshSeconds()).isEqualTo(105);
        assertThat(c.lastError()).isNull();
        assertThat(c.registeredAtMillis()).isPositive();

        SipRequest first = server.requests.get(0);
        SipRequest authed = server.requests.get(1);
        assertThat(first.header("Authorization")).isNull();
        assertThat(first.uri().toString()).isEqualTo("sip:127.0.0.1:" + server.port());
        assertThat(first.to().uri().toString()).isEqualTo("sip:trunkuser@127.0.0.1");
        assertThat(first.from().tag()).isNotBlank();
        assertThat(first.header("Expires")).isEqualTo("120");
        assertThat(first.header("Max-Forwards")).isEqualTo("70");
        assertThat(first.header("User-Agent")).isEqualTo("Switchboard");
        assertThat(first.topVia().transport()).isEqualTo("UDP");
        assertThat(first.topVia().rport()).isTrue();
        assertThat(algorithmOf(authed)).isEqualTo(Digest.SHA_256);
        DigestCredentials cred = DigestCredentials.parse(authed.header("Authorization"));
        assertThat(cred.qop()).isEqualTo("auth");
        assertThat(cred.nc()).isEqualTo("00000001");
        assertThat(cred.cnonce()).isNotBlank();
        assertThat(cred.uri()).isEqualTo(first.uri().toString());
        assertThat(authed.callId()).isEqualTo(first.callId());
        assertThat(authed.cseq().seq()).isGreaterThan(first.cseq().seq());
    }

    @Test void registersWithMd5WhenThatIsAllTheRegistrarOffers() throws Exception {
        // the authuser field is given (our registrar wants it equal to the peer name)
        SipSettings s = settings(CONF.formatted("yes"));
        server = new RegistryFixture.Server(s, List.of(Digest.MD5));
        client = new RegistryFixture.Client(TimerSettings.DEFAULT);
        RegistrationClient c = client.client(line("trunkuser:s3cret:trunkuser@127.0.0.1:" + server.port()), s, QUICK);
        c.start();
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.REGISTERED);
        SipRequest authed = server.accepted().get(0);
        assertThat(algorithmOf(authed)).isEqualTo(Digest.MD5);
        assertThat(DigestCredentials.parse(authed.header("Authorization")).username()).isEqualTo("trunkuser");
        assertThat(server.registrar.contact("trunkuser").contact().user()).isEqualTo("s");
    }

    @Test void registersOverTcp() throws Exception {
        SipSettings s = settings(CONF.formatted("yes"));
        server = new RegistryFixture.Server(s, List.of(Digest.SHA_256, Digest.MD5), Protocol.TCP);
        client = new RegistryFixture.Client(TimerSettings.DEFAULT, Protocol.TCP);
        RegistrationClient c = client.client(line("tcp://trunkuser:s3cret@127.0.0.1:" + server.port()), s, QUICK);
        c.start();
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.REGISTERED);
        SipRequest first = server.requests.get(0);
        assertThat(first.topVia().transport()).isEqualTo("TCP");
        assertThat(first.topVia().rport()).isTrue();
        Binding b = server.registrar.contact("trunkuser");
        assertThat(b.contact().transportParam()).isEqualTo("tcp");
        assertThat(b.contact().port()).isEqualTo(client.transport.localAddress().getPort());
        c.stop().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(server.registrar.isRegistered("trunkuser")).isFalse();
    }

    @Test void refreshesBeforeExpiryWithTheSameCallIdAndAHigherCSeq() throws Exception {
        RegistrationClient c = setUp(true, List.of(Digest.SHA_256, Digest.MD5), "trunkuser:s3cret", "~3");
        c.start();
        await().atMost(WAIT).until(() -> server.accepted().size() >= 2);
        List<SipRequest> ok = server.accepted();
        assertThat(ok.get(0).header("Expires")).isEqualTo("3");
        assertThat(ok.get(1).callId()).isEqualTo(ok.get(0).callId());
        assertThat(ok.get(1).from().tag()).isEqualTo(ok.get(0).from().tag());
        assertThat(ok.get(1).cseq().seq()).isGreaterThan(ok.get(0).cseq().seq());
        assertThat(c.expiresSeconds()).isEqualTo(3);
        // refreshed at half of 3 s: the binding never lapsed
        assertThat(server.registrar.isRegistered("trunkuser")).isTrue();
        long seen = server.requests.stream().map(SipRequest::callId).distinct().count();
        assertThat(seen).isEqualTo(1);
    }

    @Test void wrongPasswordIsRejectedWithoutALoopWhenTheRegistrarChallengesAgain() throws Exception {
        RegistrationClient c = setUp(true, List.of(Digest.SHA_256, Digest.MD5), "trunkuser:wrong", "");
        c.start();
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.REJECTED);
        assertThat(c.lastError()).contains("authentication failed");
        // registertimeout is 200 ms here: nothing more may come
        await().during(Duration.ofMillis(800)).atMost(WAIT).until(() -> server.requests.size() == 2);
        assertThat(c.state()).isEqualTo(RegistrationState.REJECTED);
        assertThat(server.registrar.isRegistered("trunkuser")).isFalse();
    }

    @Test void wrongPasswordIsRejectedOnA403() throws Exception {
        RegistrationClient c = setUp(false, List.of(Digest.SHA_256, Digest.MD5), "trunkuser:wrong", "");
        c.start();
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.REJECTED);
        assertThat(c.lastError()).startsWith("403");
        await().during(Duration.ofMillis(800)).atMost(WAIT).until(() -> server.requests.size() == 2);
    }

    @Test void noSecretIsNoAuthentication() throws Exception {
        RegistrationClient c = setUp(true, List.of(Digest.SHA_256, Digest.MD5), "trunkuser", "");
        c.start();
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.NO_AUTH);
        await().during(Duration.ofMillis(800)).atMost(WAIT).until(() -> server.requests.size() == 1);
    }

    @Test void stopSendsExpiresZeroAndTheBindingGoes() throws Exception {
        RegistrationClient c = setUp(true, List.of(Digest.SHA_256, Digest.MD5), "trunkuser:s3cret", "");
        c.start();
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.REGISTERED);
        assertThat(server.registrar.isRegistered("trunkuser")).isTrue();
        c.stop().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(c.state()).isEqualTo(RegistrationState.UNREGISTERED);
        assertThat(server.registrar.isRegistered("trunkuser")).isFalse();
        SipRequest last = server.accepted().getLast();
        assertThat(last.header("Expires")).isEqualTo("0");
        assertThat(last.callId()).isEqualTo(server.requests.get(0).callId());
        int count = server.requests.size();
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> server.requests.size() == count);
    }

    @Test void stopBeforeRegisteringSendsNothing() throws Exception {
        RegistrationClient c = setUp(true, List.of(Digest.SHA_256, Digest.MD5), "trunkuser:s3cret", "");
        c.stop().get(1, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(c.state()).isEqualTo(RegistrationState.UNREGISTERED);
        assertThat(server.requests).isEmpty();
    }
}
