package org.switchboard.channels.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.channels.sip.registrar.RegistrarFixture.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.message.Digest;
import org.switchboard.channels.sip.message.DigestChallenge;
import org.switchboard.channels.sip.message.DigestCredentials;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;

/** The shared DigestAuthenticator (as the INVITE path uses it) and the failure tracker on their own. */
class SipAuthTest {
    final FakeClock clock = new FakeClock();
    final DigestAuthenticator auth = new DigestAuthenticator("pbx", clock);

    static SipRequest invite(String proxyAuthorization) {
        Headers.Builder h = Headers.builder()
            .add("Via", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKinv1")
            .add("From", "<sip:alice@pbx>;tag=a1").add("To", "<sip:100@pbx>")
            .add("Call-ID", "inv-1").add("CSeq", "1 INVITE").add("Max-Forwards", "70");
        if (proxyAuthorization != null) h.add("Proxy-Authorization", proxyAuthorization);
        return new SipRequest("INVITE", SipUri.parse("sip:100@pbx"), h.build(), null);
    }

    @Test void inviteIsChallengedWith407AndProxyAuthenticate() {
        SipResponse r = auth.challenge(invite(null), "t1", false);
        assertThat(r.status()).isEqualTo(407);
        assertThat(r.headers().getAll("WWW-Authenticate")).isEmpty();
        assertThat(r.headers().getAll("Proxy-Authenticate")).hasSize(1); // MD5 only, as chan_sip: baresip 1.0 gives up on any other
        DigestChallenge c = DigestChallenge.parse(r.headers().getAll("Proxy-Authenticate").get(0));
        assertThat(c.algorithm()).isEqualTo("MD5");
        String cred = DigestCredentials.answer(c, "alice", "secret", "INVITE", "sip:100@pbx", "cn", 1).toHeaderValue();
        SipRequest answered = invite(cred);
        DigestCredentials parsed = auth.credentials(answered);
        assertThat(parsed.username()).isEqualTo("alice");
        assertThat(auth.verify(answered, parsed, "alice", "secret", null)).isEqualTo(DigestAuthenticator.Verdict.OK);
        assertThat(auth.verify(answered, parsed, "bob", "secret", null)).isEqualTo(DigestAuthenticator.Verdict.WRONG);
        assertThat(auth.verify(invite(cred), parsed, "alice", "other", null)).isEqualTo(DigestAuthenticator.Verdict.WRONG);
    }

    @Test void md5secretVerifiesMd5AnswersOnly() {
        String md5secret = Digest.ha1("MD5", "alice", "pbx", "secret");
        String nonce = auth.newNonce();
        for (String alg : List.of("MD5", "SHA-256")) {
            DigestChallenge c = new DigestChallenge("pbx", nonce, null, alg, List.of("auth"), false, null);
            SipRequest req = invite(DigestCredentials.answer(c, "alice", "secret", "INVITE", "sip:100@pbx", "cn", 1).toHeaderValue());
            DigestAuthenticator.Verdict v = auth.verify(req, auth.credentials(req), "alice", null, md5secret);
            assertThat(v).isEqualTo(alg.equals("MD5") ? DigestAuthenticator.Verdict.OK : DigestAuthenticator.Verdict.WRONG);
        }
    }

    @Test void credentialsForAnotherRealmOrMalformedAreIgnored() {
        assertThat(auth.credentials(invite("Digest username=\"a\", realm=\"elsewhere\", nonce=\"n\", uri=\"u\", response=\"r\""))).isNull();
        assertThat(auth.credentials(invite("Basic YWxhZGRpbjpvcGVuc2VzYW1l"))).isNull();
        assertThat(auth.credentials(invite(null))).isNull();
    }

    @Test void noncesExpireAndForgedOnesAreNotOurs() {
        String n = auth.newNonce();
        assertThat(auth.issuedAt(n)).isEqualTo(clock.millis());
        assertThat(auth.issuedAt(n.substring(0, n.length() - 2) + "AA")).isEqualTo(-1);
        assertThat(new DigestAuthenticator("pbx", clock).issuedAt(n)).isEqualTo(-1); // another process's key
        DigestChallenge c = new DigestChallenge("pbx", n, null, "MD5", List.of("auth"), false, null);
        clock.advance(Duration.ofSeconds(30));
        SipRequest req = invite(DigestCredentials.answer(c, "alice", "secret", "INVITE", "sip:100@pbx", "cn", 1).toHeaderValue());
        assertThat(auth.verify(req, auth.credentials(req), "alice", "secret", null)).isEqualTo(DigestAuthenticator.Verdict.OK);
        clock.advance(Duration.ofMillis(1));
        SipRequest again = invite(DigestCredentials.answer(c, "alice", "secret", "INVITE", "sip:100@pbx", "cn", 2).toHeaderValue());
        assertThat(auth.verify(again, auth.credentials(again), "alice", "secret", null)).isEqualTo(DigestAuthenticator.Verdict.STALE);
    }

    @Test void trackerCountsOnlyFailuresInsideTheWindow() {
        AuthFailureTracker t = new AuthFailureTracker(3, Duration.ofSeconds(60), Duration.ofSeconds(120), clock);
        var from = source("203.0.113.9", 5060);
        try (SecurityLines log = new SecurityLines()) {
            assertThat(t.recordFailure(from, "UDP", "a", AuthFailureTracker.Failure.INVALID_PASSWORD)).isFalse();
            assertThat(t.recordFailure(from, "UDP", "a", AuthFailureTracker.Failure.INVALID_PASSWORD)).isFalse();
            clock.advance(Duration.ofSeconds(61)); // the first two fall out of the window
            assertThat(t.recordFailure(from, "UDP", "a", AuthFailureTracker.Failure.INVALID_PASSWORD)).isFalse();
            assertThat(t.isBlocked(from.getAddress())).isFalse();
            assertThat(t.recordFailure(from, "UDP", "a", AuthFailureTracker.Failure.FAILED_ACL)).isFalse();
            assertThat(t.recordFailure(from, "UDP", "a", AuthFailureTracker.Failure.INVALID_ACCOUNT)).isTrue();
            assertThat(t.isBlocked(from.getAddress())).isTrue();
            assertThat(log.lines().stream().filter(l -> l.contains("AddressBlocked")).count()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(119));
            assertThat(t.isBlocked(from.getAddress())).isTrue();
            clock.advance(Duration.ofSeconds(1));
            assertThat(t.isBlocked(from.getAddress())).isFalse();
            t.sweep();
            assertThat(t.tracked()).isZero();
            t.recordFailure(from, "UDP", "a", AuthFailureTracker.Failure.INVALID_PASSWORD);
            t.recordSuccess(from.getAddress());
            assertThat(t.tracked()).isZero();
        }
    }
}
