package org.switchboard.channels.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The UAC's choice among a 401/407's challenges (RFC 8760 §2.4: our preference, strongest first). */
class SipDigestClientTest {

    private static SipResponse challenge(int status, String... values) {
        SipResponse r = SipResponses.create(SipMessages.request("INVITE", null), status, "t1");
        Headers.Builder h = r.headers().toBuilder();
        for (String v : values) h.add(status == 407 ? HeaderNames.PROXY_AUTHENTICATE : HeaderNames.WWW_AUTHENTICATE, v);
        return r.withHeaders(h.build());
    }

    private static final String MD5 = "Digest realm=\"r\", nonce=\"n1\", algorithm=MD5, qop=\"auth\"";
    private static final String SHA256 = "Digest realm=\"r\", nonce=\"n2\", algorithm=SHA-256, qop=\"auth\"";
    private static final String SHA512 = "Digest realm=\"r\", nonce=\"n3\", algorithm=SHA-512-256, qop=\"auth\"";

    @Test void theStrongestSupportedAlgorithmWinsWhateverItsPlace() {
        assertThat(DigestClient.choose(challenge(401, MD5, SHA256)).digest().algorithm()).isEqualTo("SHA-256");
        assertThat(DigestClient.choose(challenge(401, SHA256, MD5)).digest().algorithm()).isEqualTo("SHA-256");
        assertThat(DigestClient.choose(challenge(401, MD5, SHA256, SHA512)).digest().algorithm()).isEqualTo("SHA-512-256");
    }

    @Test void unsupportedChallengesAreSkipped() {
        DigestClient.Choice c = DigestClient.choose(challenge(401, "Basic realm=\"x\"",
            "Digest realm=\"r\", nonce=\"n\", algorithm=MD7", "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256, qop=\"auth-int\"",
            "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256-sess", MD5));
        assertThat(c.digest().algorithmOrDefault()).isEqualTo("MD5");
        assertThat(DigestClient.choose(challenge(401, "Digest realm=\"r\", nonce=\"n\", algorithm=MD7"))).isNull();
        assertThat(DigestClient.choose(challenge(401))).isNull();
        assertThat(DigestClient.choose(challenge(401, "Digest garbage"))).isNull();
    }

    @Test void equalsKeepTheServersOrderAndNoAlgorithmMeansMd5() {
        String plain = "Digest realm=\"r\", nonce=\"first\"";
        assertThat(DigestClient.choose(challenge(401, plain, MD5)).digest().nonce()).isEqualTo("first");
    }

    @Test void theAnswerGoesWhereTheChallengeCameFromAndVerifies() {
        DigestClient.Choice www = DigestClient.choose(challenge(401, SHA256));
        DigestClient.Choice proxy = DigestClient.choose(challenge(407, MD5, SHA256));
        assertThat(www.answerHeader()).isEqualTo(HeaderNames.AUTHORIZATION);
        assertThat(proxy.answerHeader()).isEqualTo(HeaderNames.PROXY_AUTHORIZATION);
        DigestCredentials cred = DigestClient.answer(proxy, "alice", "s3cret", "INVITE", "sip:100@pbx", "abc", 1);
        assertThat(cred.algorithm()).isEqualTo("SHA-256");
        assertThat(cred.qop()).isEqualTo("auth");
        assertThat(cred.verify("INVITE", "s3cret")).isTrue();
        assertThat(cred.verify("INVITE", "wrong")).isFalse();
    }
}
