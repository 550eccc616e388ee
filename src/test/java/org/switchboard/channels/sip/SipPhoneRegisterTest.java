package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.switchboard.channels.sip.SipPhoneKit.T;
import static org.switchboard.channels.sip.SipPhoneKit.registrar;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.registrar.Binding;
import org.switchboard.testing.BaresipPhone;

/** A real baresip registers with the PBX's registrar: digest with the peer's secret, or refused. */
class SipPhoneRegisterTest {
    private static final String PEERS = SipPhoneKit.peer("alice", "alice-secret");
    private static final String DIALPLAN = "[phones]\nexten => 100,1,Hangup()\n";

    @TempDir Path dir;

    @Test
    void baresipRegistersWithTheRightSecretAndTheRegistrarHoldsItsContact() throws Exception {
        SipPhoneKit.assumeBaresip();
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no\nalwaysauthreject=yes", PEERS, DIALPLAN);
             BaresipPhone a = BaresipPhone.start(dir, "alice", "alice-secret", registrar(f.port()), null, null)) {
            a.awaitRegistered(T);
            Binding b = f.stack().registrar().contact("alice");
            assertThat(b).as("registrar binding for alice").isNotNull();
            assertThat(b.toString()).contains("127.0.0.1").contains(String.valueOf(a.sipPort()));
            assertThat(f.pbx.said("Registered SIP 'alice' at 127.0.0.1")).isNotEmpty();
            // the console's view agrees: sip show peers lists alice at the phone's address
            assertThat(SipPhoneKit.cli(f, "sip show peers")).anyMatch(l -> l.startsWith("alice") && l.contains("127.0.0.1"));
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndLogged() throws Exception {
        SipPhoneKit.assumeBaresip();
        // alwaysauthreject=no: a wrong password gets 403 Forbidden, which baresip takes as final
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no\nalwaysauthreject=no", PEERS, DIALPLAN);
             BaresipPhone a = BaresipPhone.start(dir, "alice", "not-the-secret", registrar(f.port()), null, null)) {
            assertThatThrownBy(() -> a.awaitRegistered(T)).hasMessageContaining("REGISTER_FAIL").hasMessageContaining("403");
            assertThat(f.pbx.said("Registration from '")).singleElement().satisfies(l ->
                assertThat(l).contains("<sip:alice@").contains("failed for '127.0.0.1:").endsWith("- Wrong password"));
            assertThat(f.stack().registrar().contact("alice")).isNull();
        }
    }

    /**
     * alwaysauthreject=yes answers a wrong password with a fresh challenge, as chan_sip does;
     * baresip 1.0 answers each one again, so it is the PBX's failure counter that stops it:
     * after 5 failures the address is blocked (and baresip's REGISTER then times out).
     */
    @Test
    void aPhoneRetryingAWrongPasswordGetsItsAddressBlocked() throws Exception {
        SipPhoneKit.assumeBaresip();
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no\nalwaysauthreject=yes", PEERS, DIALPLAN);
             BaresipPhone a = BaresipPhone.start(dir, "alice", "not-the-secret", registrar(f.port()), null, null)) {
            await().atMost(T).until(() -> !f.pbx.said("SecurityEvent=\"AddressBlocked\"").isEmpty());
            assertThat(f.pbx.said("Wrong password")).hasSize(5).allMatch(l -> l.contains("Registration from '<sip:alice@"));
            assertThat(f.stack().registrar().contact("alice")).isNull();
            assertThat(a.events()).noneMatch(e -> e.type().equals("REGISTER_OK"));
        }
    }
}
