package org.switchboard.channels.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.channels.sip.message.SipMessages.SDP;
import static org.switchboard.channels.sip.message.SipMessages.request;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One write-then-parse round trip per message type (the Jetty way). */
class SipRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {"INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "INFO"})
    void requestsRoundTrip(String method) {
        String body = switch (method) {
            case "INVITE" -> SDP;
            case "INFO" -> "Signal=5\r\nDuration=160\r\n";
            default -> null;
        };
        SipRequest req = request(method, body);
        if (method.equals("REGISTER")) {
            req = req.withHeaders(req.headers().toBuilder().add("Expires", "3600")
                .add("Authorization", "Digest username=\"alice\", realm=\"pbx\", nonce=\"abc\", uri=\"sip:pbx\", "
                    + "response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5").build());
        }
        byte[] wire = SipWriter.write(req);
        SipMessage back = SipMessages.parseOk(wire);
        assertThat(back).isInstanceOf(SipRequest.class);
        SipRequest r = (SipRequest) back;
        assertThat(r.method()).isEqualTo(method);
        assertThat(r.uri()).isEqualTo(req.uri());
        assertThat(r.cseq()).isEqualTo(new CSeq(1, method));
        assertThat(r.topVia().branch()).startsWith("z9hG4bK").isEqualTo(req.topVia().branch());
        assertThat(r.topVia().rport()).isTrue();
        assertThat(r.topVia().rportValue()).isEqualTo(-1);
        assertThat(r.from().displayName()).isEqualTo("Alice");
        assertThat(r.from().tag()).isEqualTo(req.from().tag());
        assertThat(r.to().tag()).isNull();
        assertThat(r.callId()).isEqualTo(req.callId());
        assertThat(r.maxForwards()).isEqualTo(70);
        assertThat(r.body()).isEqualTo(req.body());
        // Content-Length is added by the writer; otherwise headers come back unchanged
        assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(req.body().length));
        assertThat(r.withHeaders(r.headers().toBuilder().remove("Content-Length").build())).isEqualTo(req);
        assertThat(SipWriter.write(r)).isEqualTo(wire);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 180, 183, 200, 401, 407, 486, 488, 503})
    void responsesRoundTrip(int status) {
        SipRequest invite = request("INVITE", SDP);
        SipResponse resp = SipResponses.create(invite, status, "as9f8s7");
        Headers.Builder extra = resp.headers().toBuilder();
        byte[] body = null;
        switch (status) {
            case 401 -> extra.add("WWW-Authenticate", DigestChallenge.of("pbx", "n0nce", "SHA-256", false).toHeaderValue());
            case 407 -> extra.add("Proxy-Authenticate", DigestChallenge.of("pbx", "n0nce", null, true).toHeaderValue());
            case 503 -> extra.add("Retry-After", "30");
            case 200, 183 -> {
                extra.add("Contact", "<sip:100@203.0.113.5:5060>").add("Content-Type", "application/sdp");
                body = SipMessages.bytes(SDP);
            }
            default -> { }
        }
        SipResponse r0 = new SipResponse(status, null, extra.build(), body);
        SipResponse r = (SipResponse) SipMessages.parseOk(SipWriter.write(r0));
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.reason()).isEqualTo(ReasonPhrases.of(status));
        assertThat(r.vias()).isEqualTo(invite.vias());
        assertThat(r.from()).isEqualTo(invite.from());
        assertThat(r.to().tag()).isEqualTo(status == 100 ? null : "as9f8s7");
        assertThat(r.cseq()).isEqualTo(invite.cseq());
        assertThat(r.callId()).isEqualTo(invite.callId());
        assertThat(r.withHeaders(r.headers().toBuilder().remove("l").build())).isEqualTo(r0);
        if (status == 401) {
            DigestChallenge c = DigestChallenge.parse(r.header("www-authenticate"));
            assertThat(c.algorithm()).isEqualTo("SHA-256");
            assertThat(c.qop()).containsExactly("auth");
        }
        if (status == 407) assertThat(DigestChallenge.parse(r.header("Proxy-Authenticate")).stale()).isTrue();
    }
}
