package org.switchboard.channels.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.channels.sip.registrar.RegistrarFixture.*;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;

/** No user enumeration with alwaysauthreject, chan_sip's 404/403 without it, ACLs, and blocking repeated failures. */
class RegistrarSecurityTest {
    static final String PEERS = """
        [0000FFFF0001]
        type=friend
        host=dynamic
        secret=phone-0001-pw
        [office]
        type=friend
        host=dynamic
        secret=pw
        deny=0.0.0.0/0.0.0.0
        permit=198.51.100.0/255.255.255.0
        [trunk]
        type=peer
        host=192.0.2.50
        secret=t
        """;
    static final InetSocketAddress ATTACKER = source("203.0.113.66", 5060);

    final FakeClock clock = new FakeClock();

    Registrar registrar(String general, String peers) {
        return RegistrarFixture.registrar(settings("[general]\n" + general + "\n" + peers), clock, 5);
    }

    /** First REGISTER for {@code user}, then one answered with {@code password}; returns both responses. */
    static SipResponse[] attempt(Registrar r, String user, String password, InetSocketAddress from) {
        SipResponse first = r.register(register(user, 1, "Contact", "<sip:x@192.0.2.10>"), from, "UDP").response();
        SipRequest second = withAuth(register(user, 2, "Contact", "<sip:x@192.0.2.10>"),
            answer(challenge(first, "MD5"), user, password, 1));
        return new SipResponse[] {first, r.register(second, from, "UDP").response()};
    }

    @Test void alwaysauthrejectMakesAnUnknownUserLookLikeAWrongPassword() {
        Registrar known = registrar("alwaysauthreject=yes", PEERS);
        Registrar unknown = registrar("alwaysauthreject=yes", ""); // the same request, to a PBX without the user
        SipResponse[] k = attempt(known, "0000FFFF0001", "guess", ATTACKER);
        SipResponse[] u = attempt(unknown, "0000FFFF0001", "guess", ATTACKER);
        assertThat(k[0].status()).isEqualTo(401);
        assertThat(k[1].status()).isEqualTo(401);
        assertThat(normalized(u[0])).isEqualTo(normalized(k[0]));
        assertThat(normalized(u[1])).isEqualTo(normalized(k[1]));
        assertThat(normalized(k[1])).isEqualTo(normalized(k[0]).replace("CSeq: 1 ", "CSeq: 2 ").replace("reg1", "reg2"));
        // a peer that may not register and an address the ACL denies look the same too
        assertThat(normalized(attempt(known, "trunk", "t", ATTACKER)[1]))
            .isEqualTo(normalized(attempt(unknown, "trunk", "t", ATTACKER)[1]));
        assertThat(normalized(attempt(known, "office", "pw", ATTACKER)[1]))
            .isEqualTo(normalized(attempt(unknown, "office", "pw", ATTACKER)[1]));
    }

    @Test void withoutAlwaysauthrejectChanSipsCodes() {
        Registrar r = registrar("alwaysauthreject=no", PEERS);
        assertThat(r.register(register("nobody", 1), ATTACKER, "UDP").response().status()).isEqualTo(404);
        assertThat(attempt(r, "0000FFFF0001", "guess", ATTACKER)[1].status()).isEqualTo(403);
        assertThat(r.register(register("trunk", 1), ATTACKER, "UDP").response().status()).isEqualTo(403);
    }

    @Test void aclDenyIs403AndPermitRegisters() {
        Registrar r = registrar("alwaysauthreject=no", PEERS);
        SipResponse denied = r.register(register("office", 1, "Contact", "<sip:o@203.0.113.66>"), ATTACKER, "UDP").response();
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.headers().getAll("WWW-Authenticate")).isEmpty();
        InetSocketAddress inside = source("198.51.100.20", 5060);
        SipResponse[] ok = attempt(r, "office", "pw", inside);
        assertThat(ok[0].status()).isEqualTo(401);
        assertThat(ok[1].status()).isEqualTo(200);
        assertThat(r.isRegistered("office")).isTrue();
    }

    @Test void repeatedFailuresBlockTheAddressThenItRecovers() {
        // its own attacker: log lines about a peer are rate-limited per address for the whole JVM,
        // and the other tests here fail logins from ATTACKER
        InetSocketAddress attacker = source("203.0.113.67", 5060);
        Registrar r = registrar("alwaysauthreject=yes", PEERS);
        try (SecurityLines log = new SecurityLines()) {
            for (int i = 1; i <= 4; i++) {
                assertThat(attempt(r, "0000FFFF0001", "guess" + i, attacker)[1].status()).isEqualTo(401);
            }
            assertThat(log.lines()).hasSize(4).allMatch(l -> l.contains("SecurityEvent=\"InvalidPassword\"")
                && l.contains("RemoteAddress=\"IPV4/UDP/203.0.113.67/5060\"") && l.contains("chan_sip.c"));
            SipResponse[] fifth = attempt(r, "nobody", "guess5", attacker);
            assertThat(fifth[1]).isNull(); // the 5th failure blocks: dropped, no answer
            assertThat(log.lines()).hasSize(6);
            assertThat(log.lines().get(4)).contains("SecurityEvent=\"InvalidAccountID\"", "AccountID=\"nobody\"");
            assertThat(log.lines().get(5)).contains("SecurityEvent=\"AddressBlocked\"", "IPV4/UDP/203.0.113.67/5060",
                "Failures=\"5\"", "BlockedFor=\"300\"");
            // blocked: even the right password is dropped, and nothing more is logged
            RegisterOutcome o = r.register(register("0000FFFF0001", 9), attacker, "UDP");
            assertThat(o.isDropped()).isTrue();
            assertThat(log.lines()).hasSize(6);
            // another address is not affected
            assertThat(attempt(r, "0000FFFF0001", "phone-0001-pw", source("192.0.2.10", 5060))[1].status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(5));
            SipResponse[] after = attempt(r, "0000FFFF0001", "phone-0001-pw", attacker);
            assertThat(after[0].status()).isEqualTo(401);
            assertThat(after[1].status()).isEqualTo(200);
        }
    }

    @Test void aFirstUnansweredChallengeIsNoFailure() {
        Registrar r = registrar("alwaysauthreject=yes", PEERS);
        for (int i = 0; i < 20; i++) {
            assertThat(r.register(register("nobody", i + 1), ATTACKER, "UDP").response().status()).isEqualTo(401);
        }
        assertThat(r.failures().isBlocked(ATTACKER.getAddress())).isFalse();
    }
}
