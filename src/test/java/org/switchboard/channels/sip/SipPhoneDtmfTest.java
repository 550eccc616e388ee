package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.channels.sip.SipPhoneKit.T;
import static org.switchboard.channels.sip.SipPhoneKit.registrar;
import static org.switchboard.channels.sip.SipPhoneKit.uri;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.LinphonePhone;

/**
 * Digits typed on a real baresip reach Read() through the PBX as RFC 4733 telephone-events.
 *
 * <p>The SIP INFO variant (dtmfmode=info) uses linphonec: baresip 1.0 sends DTMF only as RTP
 * telephone-events (it can receive application/dtmf-relay INFO but never sends it, and has no
 * per-account dtmfmode); linphonec does with {@code use_info=1}.
 */
class SipPhoneDtmfTest {
    private static final String DIALPLAN = """
        [phones]
        exten => 100,1,Answer()
         same => n,Read(Digits,,3)
         same => n,Verbose(1,@got ${Digits})
         same => n,Hangup()
        """;

    @TempDir Path dir;

    @Test
    void digitsSentAsTelephoneEventsAreReadByTheDialplan() throws Exception {
        SipPhoneKit.assumeBaresip();
        String peers = SipPhoneKit.peer("alice", "alice-secret", "dtmfmode=rfc2833");
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no", peers, DIALPLAN);
             BaresipPhone a = BaresipPhone.start(dir, "alice", "alice-secret", registrar(f.port()), null, null)) {
            a.awaitRegistered(T);
            a.dial(uri("100", f.port()));
            a.awaitEstablished(T);
            a.sendDtmf("123");
            await().atMost(T).until(() -> f.pbx.path().stream().anyMatch(l -> l.startsWith("@got")));
            assertThat(f.pbx.path()).containsExactly("@got 123");
            a.awaitClosed(T); // Hangup() after Read
        }
    }

    @Test
    void digitsSentAsSipInfoAreReadWithDtmfmodeInfo() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(LinphonePhone.installed(), "linphonec not installed");
        String peers = SipPhoneKit.peer("lin", "lin-secret", "dtmfmode=info");
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no", peers, DIALPLAN);
             LinphonePhone l = LinphonePhone.start(dir, "lin", null, null, java.util.List.of("PCMU"), "use_info=1\nuse_rfc2833=0")) {
            l.register(registrar(f.port()), "lin-secret");
            l.awaitRegistered(T);
            f.stack().debug().on(); // the INFO requests show in the log
            l.dial(uri("100", f.port()));
            l.awaitEstablished(T);
            l.sendDtmf("123");
            await().atMost(T).until(() -> f.pbx.path().stream().anyMatch(x -> x.startsWith("@got")));
            assertThat(f.pbx.path()).containsExactly("@got 123");
            assertThat(f.pbx.log.stream().filter(x -> x.contains("INFO sip:") && x.contains("application/dtmf"))).hasSize(3);
            assertThat(f.pbx.said("Ignoring SIP INFO DTMF")).isEmpty();
            l.awaitClosed(T); // Hangup() after Read
        }
    }
}
