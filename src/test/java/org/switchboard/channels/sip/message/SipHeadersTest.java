package org.switchboard.channels.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.channels.sip.message.SipMessages.crlf;
import static org.switchboard.channels.sip.message.SipMessages.parseOk;

import org.junit.jupiter.api.Test;

/** Header names, compact forms, comma splitting, and the structured header records. */
class SipHeadersTest {

    @Test void compactFormsExpandAndNamesAreCaseInsensitive() {
        SipMessage m = parseOk(crlf("""
            MESSAGE sip:b@example.com SIP/2.0
            v: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKa, SIP/2.0/TCP proxy.example.com;branch=z9hG4bKb;received=198.51.100.1
            f: <sip:a@example.com>;tag=1
            t: <sip:b@example.com>
            i: cid@h
            CSEQ: 5 MESSAGE
            m: <sip:a@192.0.2.1>;expires=60, "B" <sip:a@192.0.2.2>;q=0.5
            c: text/plain
            k: 100rel, timer
            s: hello, world
            e: gzip
            Allow: INVITE, ACK,BYE
            WWW-Authenticate: Digest realm="a,b", nonce="x"
            l: 2

            hi"""));
        Headers h = m.headers();
        assertThat(h.getAll("Via")).hasSize(2);
        assertThat(h.getAll("v")).hasSize(2);
        assertThat(m.vias().get(1).received()).isEqualTo("198.51.100.1");
        assertThat(m.callId()).isEqualTo("cid@h");
        assertThat(h.get("cseq")).isEqualTo("5 MESSAGE");
        assertThat(m.contacts()).hasSize(2);
        assertThat(m.contacts().get(1).displayName()).isEqualTo("B");
        assertThat(h.getAll("Supported")).containsExactly("100rel", "timer");
        assertThat(h.get("Subject")).isEqualTo("hello, world"); // not a list header
        assertThat(h.get("Content-Encoding")).isEqualTo("gzip");
        assertThat(h.getAll("allow")).containsExactly("INVITE", "ACK", "BYE");
        assertThat(h.getAll("WWW-Authenticate")).hasSize(1);
        assertThat(m.bodyText()).isEqualTo("hi");
        String written = new String(SipWriter.write(m));
        assertThat(written).contains("\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKa\r\nVia: SIP/2.0/TCP")
            .contains("\r\nCall-ID: cid@h\r\n").contains("\r\nCSeq: 5 MESSAGE\r\n").contains("\r\nContent-Length: 2\r\n\r\nhi")
            .contains("\r\nSupported: 100rel\r\nSupported: timer\r\n");
    }

    @Test void builderEdits() {
        Headers h = Headers.builder().add("Via", "SIP/2.0/UDP a;branch=z9hG4bK1").add("X", "1").add("x", "2")
            .add("To", "<sip:b@c>").build();
        Headers h2 = h.toBuilder().set("X", "3").addFirst("Via", "SIP/2.0/UDP p;branch=z9hG4bK2").remove("To").build();
        assertThat(h2.getAll("x")).containsExactly("3");
        assertThat(h2.name(0)).isEqualTo("Via");
        assertThat(h2.value(0)).contains("z9hG4bK2");
        assertThat(h2.contains("to")).isFalse();
        assertThat(h.getAll("X")).containsExactly("1", "2"); // the original is untouched
    }

    @Test void uris() {
        SipUri u = SipUri.parse("sips:alice:secret@[2001:db8::1]:5061;transport=tcp;lr?subject=hi&priority=urgent");
        assertThat(u.isSecure()).isTrue();
        assertThat(u.user()).isEqualTo("alice");
        assertThat(u.password()).isEqualTo("secret");
        assertThat(u.host()).isEqualTo("[2001:db8::1]");
        assertThat(u.port()).isEqualTo(5061);
        assertThat(u.transportParam()).isEqualTo("tcp");
        assertThat(u.looseRouting()).isTrue();
        assertThat(u.headers()).isEqualTo("subject=hi&priority=urgent");
        assertThat(SipUri.parse(u.toString())).isEqualTo(u);
        assertThat(SipUri.parse("SIP:pbx.example.com").scheme()).isEqualTo("sip");
        assertThat(SipUri.parse("tel:+1-201-555-0123;phone-context=example.com").user()).isEqualTo("+1-201-555-0123");
        for (String bad : new String[] {"sip:", "sip:@host", "sip:host:99999", "sip:[::1", "sip:a b@c", "<sip:a@b>", "sip:h;"}) {
            assertThatThrownBy(() -> SipUri.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test void viaAndRport() { // RFC 3581 §4
        Via v = Via.parse("SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bKx;rport");
        assertThat(v.rport()).isTrue();
        assertThat(v.rportValue()).isEqualTo(-1);
        Via stamped = v.received("203.0.113.9", 40123);
        assertThat(stamped.toString()).isEqualTo("SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bKx;rport=40123;received=203.0.113.9");
        assertThat(Via.parse(stamped.toString())).isEqualTo(stamped);
        Via plain = Via.parse("SIP/2.0/TCP example.com;branch=z9hG4bKy");
        assertThat(plain.port()).isEqualTo(-1);
        assertThat(plain.rport()).isFalse();
        assertThat(plain.received("198.51.100.2", 5060).received()).isEqualTo("198.51.100.2");
        assertThat(Via.parse("SIP/2.0/UDP 10.0.0.5;branch=z9hG4bKz").received("10.0.0.5", 5060).received()).isNull();
        assertThat(plain.isRfc3261Branch()).isTrue();
        assertThatThrownBy(() -> Via.parse("SIP/1.0/UDP h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Via.parse("SIP/2.0/UDP")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test void nameAddrs() {
        NameAddr a = NameAddr.parse("\"Bob \\\"B\\\" Smith\" <sip:bob@example.com;transport=udp>;tag=abc;expires=30");
        assertThat(a.displayName()).isEqualTo("Bob \"B\" Smith");
        assertThat(a.uri().transportParam()).isEqualTo("udp");
        assertThat(a.tag()).isEqualTo("abc");
        assertThat(NameAddr.parse(a.toString())).isEqualTo(a);
        NameAddr spec = NameAddr.parse("sip:bob@example.com;tag=9");
        assertThat(spec.tag()).isEqualTo("9");
        assertThat(spec.uri().params().isEmpty()).isTrue();
        assertThat(NameAddr.parse(" * ").isWildcard()).isTrue();
        assertThat(NameAddr.parse("Anonymous <sip:anonymous@anonymous.invalid>").displayName()).isEqualTo("Anonymous");
        assertThat(NameAddr.parse("Jürgen Groß <sip:jg@example.de>").displayName()).isEqualTo("Jürgen Groß");
        assertThat(parseOk(crlf("sip/2.0 200 OK\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\nTo: <sip:c@d>\n"
            + "Call-ID: x\nCSeq: 1 OPTIONS\n\n"))).isInstanceOf(SipResponse.class);
    }

    @Test void responsesFromRequests() { // RFC 3261 §8.2.6
        SipRequest req = SipMessages.request("INVITE", SipMessages.SDP);
        req = req.withHeaders(req.headers().toBuilder().add("Timestamp", "54").build());
        SipResponse trying = SipResponses.create(req, 100, "tg");
        assertThat(trying.to().tag()).isNull();
        assertThat(trying.header("Timestamp")).isEqualTo("54");
        SipResponse ringing = SipResponses.create(req, 180, "tg");
        assertThat(ringing.to().tag()).isEqualTo("tg");
        assertThat(ringing.header("Timestamp")).isNull();
        assertThat(ringing.header("Contact")).isNull();
        assertThat(ringing.topVia()).isEqualTo(req.topVia());
        assertThat(ringing.reason()).isEqualTo("Ringing");
        assertThat(SipIds.branch()).startsWith("z9hG4bK").hasSize(23).isNotEqualTo(SipIds.branch());
        assertThat(SipIds.callId("h")).endsWith("@h");
    }

    @Test void truncatedRequestStillCarriesWhatIsNeededForA400() {
        byte[] full = SipWriter.write(SipMessages.request("OPTIONS", null));
        ParseResult.Failure f = (ParseResult.Failure) new SipParser().parse(full, 0, full.length - 3, true);
        assertThat(f.reason()).contains("truncated");
        assertThat(f.canAnswer()).isTrue();
        SipResponse r = SipResponses.reject(f, "x");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.reason()).startsWith("Bad Request (truncated");
        assertThat(((SipResponse) parseOk(SipWriter.write(r))).cseq().method()).isEqualTo("OPTIONS");
    }

    @Test void valuesCannotForgeHeaderLines() {
        NameAddr evil = NameAddr.of(SipUri.parse("sip:a@b")).withParam("x", "1");
        String display = new NameAddr("Eve\r\nVia: SIP/2.0/UDP evil", evil.uri(), evil.params()).toString();
        SipRequest r = SipMessages.request("OPTIONS", null);
        Headers h = r.headers().toBuilder().set("From", display + ";tag=1").add("Subject", "a\r\nX-Injected: 1").build();
        SipMessage back = parseOk(SipWriter.write(r.withHeaders(h)));
        assertThat(back.headers().contains("X-Injected")).isFalse();
        assertThat(back.vias()).hasSize(1);
        assertThat(back.from().displayName()).isEqualTo("Eve  Via: SIP/2.0/UDP evil");
        ParseResult bare = new SipParser().parse(crlf("OPTIONS sip:a@b SIP/2.0\nSubject: a\rX: y\n\n"));
        assertThat(((ParseResult.Failure) bare).reason()).contains("bare CR");
    }
}
