package org.switchboard.channels.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Digest computation against the published examples. */
class SipDigestTest {

    @Test void rfc2617Section3_5Example() {
        String response = Digest.response("MD5", "Mufasa", "testrealm@host.com", "Circle Of Life", "GET",
            "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth");
        assertThat(response).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    private static final String NONCE_7616 = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE_7616 = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test void rfc7616Section3_9_1Examples() {
        String sha = Digest.response("SHA-256", "Mufasa", "http-auth@example.org", "Circle of Life", "GET",
            "/dir/index.html", NONCE_7616, "00000001", CNONCE_7616, "auth");
        assertThat(sha).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
        String md5 = Digest.response("MD5", "Mufasa", "http-auth@example.org", "Circle of Life", "GET",
            "/dir/index.html", NONCE_7616, "00000001", CNONCE_7616, "auth");
        assertThat(md5).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test void challengeAndCredentialsRoundTripAndVerify() {
        String header = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, "
            + "nonce=\"" + NONCE_7616 + "\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
        DigestChallenge c = DigestChallenge.parse(header);
        assertThat(c.qop()).containsExactly("auth", "auth-int");
        assertThat(DigestChallenge.parse(c.toHeaderValue())).isEqualTo(c);
        DigestCredentials cr = DigestCredentials.answer(c, "Mufasa", "Circle of Life", "GET", "/dir/index.html", CNONCE_7616, 1);
        assertThat(cr.response()).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
        assertThat(cr.nc()).isEqualTo("00000001");
        DigestCredentials back = DigestCredentials.parse(cr.toHeaderValue());
        assertThat(back).isEqualTo(cr);
        assertThat(back.verify("GET", "Circle of Life")).isTrue();
        assertThat(back.verify("GET", "circle of life")).isFalse();
        assertThat(back.verifyHa1("GET", Digest.ha1("SHA-256", "Mufasa", "http-auth@example.org", "Circle of Life"))).isTrue();
    }

    @Test void md5SessAndNoQop() {
        DigestChallenge c = new DigestChallenge("pbx", "abc", null, "MD5-sess", java.util.List.of("auth"), false, null);
        DigestCredentials cr = DigestCredentials.answer(c, "alice", "pw", "REGISTER", "sip:pbx", "xyz", 2);
        String ha1 = Digest.hash("MD5", Digest.ha1("MD5", "alice", "pbx", "pw") + ":abc:xyz");
        String ha2 = Digest.hash("MD5", "REGISTER:sip:pbx");
        assertThat(cr.response()).isEqualTo(Digest.hash("MD5", ha1 + ":abc:00000002:xyz:auth:" + ha2));
        assertThat(cr.verify("REGISTER", "pw")).isTrue();
        // RFC 2069 style: no qop
        DigestCredentials old = DigestCredentials.parse("Digest username=\"alice\", realm=\"pbx\", nonce=\"n\", "
            + "uri=\"sip:pbx\", response=\"" + Digest.hash("MD5", Digest.ha1("MD5", "alice", "pbx", "pw") + ":n:"
            + Digest.hash("MD5", "INVITE:sip:pbx")) + "\"");
        assertThat(old.verify("INVITE", "pw")).isTrue();
        assertThat(Digest.response("SHA3-256", "a", "b", "c", "d", "e", "f", null, null, null)).isNull();
        assertThat(Digest.response("SHA-512-256", "a", "b", "c", "d", "e", "f", "00000001", "g", "auth")).hasSize(64);
        assertThat(Digest.response("MD5", "a", "b", "c", "d", "e", "f", "00000001", "g", "auth-int")).isNull();
    }

    @Test void malformedAuthHeadersThrowIllegalArgument() {
        assertThatThrownBy(() -> DigestChallenge.parse("Basic realm=\"x\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DigestChallenge.parse("Digest realm=\"x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DigestCredentials.parse("Digest username=\"a\", qop=auth")).isInstanceOf(IllegalArgumentException.class);
    }
}
