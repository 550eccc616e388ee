package org.switchboard.channels.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.channels.sip.registrar.RegistrarFixture.*;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.channels.pjsip.config.PjsipAuth;
import org.switchboard.channels.pjsip.config.PjsipConfig;
import org.switchboard.channels.sip.config.SipConfig;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.config.ConfigReader;
import org.switchboard.core.PbxLog;

/**
 * A sample secret from conf/ is good from loopback and private networks only: from a public
 * address the right password is refused exactly as a wrong one is, with one log line saying why.
 */
class ShippedSecretsTest {
    static final String PEERS = "[0000FFFF0001]\ntype=friend\nhost=dynamic\nsecret=change-me-0001\n"
        + "[own]\ntype=friend\nhost=dynamic\nsecret=a-secret-of-its-own\n";

    @Test void theListIsWhatConfShips() {
        Set<String> shipped = new TreeSet<>();
        for (SipPeer p : SipConfig.read(ConfigReader.read(Path.of("conf"), "sip.conf")).peers().values()) {
            if (p.secret() != null) shipped.add(p.secret());
        }
        Set<String> pjsip = new TreeSet<>();
        for (PjsipAuth a : PjsipConfig.read(ConfigReader.read(Path.of("conf"), "pjsip.conf")).auths().values()) {
            if (a.password() != null) pjsip.add(a.password());
        }
        assertThat(shipped).isNotEmpty().isEqualTo(new TreeSet<>(ShippedSecrets.VALUES)).isEqualTo(pjsip);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "127.0.0.1, true", "127.8.9.10, true", "::1, true",
        "10.0.0.1, true", "10.255.255.254, true", "172.16.0.1, true", "172.31.255.255, true",
        "192.168.1.20, true", "169.254.7.7, true", "fe80::1, true", "fd12:3456::1, true", "fc00::5, true",
        "::ffff:10.1.2.3, true",
        "172.15.255.255, false", "172.32.0.1, false", "192.169.0.1, false", "11.0.0.1, false",
        "8.8.8.8, false", "203.0.113.7, false", "192.0.2.10, false", "100.64.0.1, false",
        "2001:db8::1, false", "fe00::1, false", "::ffff:8.8.8.8, false", "0.0.0.0, false",
    })
    void allowedFromLoopbackPrivateAndLinkLocalOnly(String address, boolean allowed) throws Exception {
        assertThat(ShippedSecrets.allowedFrom(InetAddress.getByName(address))).isEqualTo(allowed);
    }

    @Test void fromAPublicAddressTheRightSampleSecretIsRefusedAsAWrongOneWouldBe() {
        try (Lines log = new Lines()) {
            Registrar r = registrar(settings("[general]\nalwaysauthreject=no\n" + PEERS), new FakeClock(), 100);
            InetSocketAddress stranger = source("203.0.113.7", 5060);
            SipResponse[] right = RegistrarSecurityTest.attempt(r, "0000FFFF0001", "change-me-0001", stranger);
            SipResponse[] wrong = RegistrarSecurityTest.attempt(r, "0000FFFF0001", "guess", stranger);
            assertThat(right[1].status()).isEqualTo(403);
            assertThat(normalized(right[1])).isEqualTo(normalized(wrong[1]));
            assertThat(r.isRegistered("0000FFFF0001")).isFalse();
            // one line says why; the refusal is also counted and logged as the wrong password it poses as
            assertThat(log.matching("sample one")).containsExactly("REGISTER from 203.0.113.7 for peer '0000FFFF0001' refused:"
                + " its secret is still the sample one in sip.conf, accepted only from loopback and private networks");
            // a secret of its own is good from anywhere; the sample one from a private network
            assertThat(RegistrarSecurityTest.attempt(r, "own", "a-secret-of-its-own", stranger)[1].status()).isEqualTo(200);
            assertThat(RegistrarSecurityTest.attempt(r, "0000FFFF0001", "change-me-0001", source("192.168.1.20", 5060))[1].status())
                .isEqualTo(200);
        }
    }

    @Test void withAlwaysauthrejectTheRefusalIsTheFreshChallengeAWrongPasswordGets() {
        Registrar r = registrar(settings("[general]\nalwaysauthreject=yes\n" + PEERS), new FakeClock(), 100);
        InetSocketAddress stranger = source("198.51.100.4", 5060);
        SipResponse[] right = RegistrarSecurityTest.attempt(r, "0000FFFF0001", "change-me-0001", stranger);
        SipResponse[] wrong = RegistrarSecurityTest.attempt(r, "0000FFFF0001", "guess", stranger);
        assertThat(right[1].status()).isEqualTo(401);
        assertThat(normalized(right[1])).isEqualTo(normalized(wrong[1]));
    }

    @Test void aStrangerTryingOverAndOverGetsAFewLinesNotOneEach() {
        try (Lines log = new Lines()) {
            Registrar r = registrar(settings("[general]\nalwaysauthreject=no\n" + PEERS), new FakeClock(), 1000);
            InetSocketAddress stranger = source("203.0.113.99", 5060);
            for (int i = 0; i < 20; i++) RegistrarSecurityTest.attempt(r, "0000FFFF0001", "change-me-0001", stranger);
            assertThat(log.matching("REGISTER from 203.0.113.99 for peer")).hasSizeBetween(1, 5);
        }
    }

    @Test void theStartUpWarningNamesTheFileAndThePeer() {
        assertThat(ShippedSecrets.warning("sip.conf", "peer", "0000FFFF0001")).isEqualTo(
            "sip.conf: peer 0000FFFF0001 still has the sample secret; accepted only from loopback and private networks");
    }

    /** Log lines while a test runs. */
    static final class Lines implements AutoCloseable, Consumer<PbxLog.Line> {
        final List<String> lines = new CopyOnWriteArrayList<>();

        Lines() { PbxLog.addSink(this); }

        @Override public void accept(PbxLog.Line line) { lines.add(line.text()); }

        /** The message part (after "chan_sip.c: ") of the lines that contain {@code fragment}. */
        List<String> matching(String fragment) {
            return lines.stream().filter(l -> l.contains(fragment))
                .map(l -> l.substring(l.indexOf("chan_sip.c: ") + "chan_sip.c: ".length())).toList();
        }

        @Override public void close() { PbxLog.removeSink(this); }
    }
}
