package org.switchboard.channels.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.channels.sip.registrar.RegistrarFixture.*;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.message.Digest;
import org.switchboard.channels.sip.message.DigestChallenge;
import org.switchboard.channels.sip.message.SipResponse;

/** REGISTER handling: challenge, MD5 and SHA-256 answers, expiry rules, unregister, NAT. */
class RegistrarTest {
    static final String CONF = """
        [general]
        alwaysauthreject=yes
        [phone](!)
        type=friend
        host=dynamic
        context=phones
        [0000FFFF0001](phone)
        secret=phone-0001-pw
        [natted](phone)
        secret=pw2
        nat=force_rport
        [plain](phone)
        secret=pw3
        nat=no
        """;
    static final InetSocketAddress PHONE = source("192.0.2.10", 5060);
    static final String USER = "0000FFFF0001";
    static final String PW = "phone-0001-pw"; // not a shipped sample: those are refused from 192.0.2.10 (ShippedSecrets)

    final FakeClock clock = new FakeClock();
    final SipSettings settings = settings(CONF);
    final Registrar registrar = registrar(settings, clock, 5);

    SipResponse send(String user, int cseq, String... extra) {
        return registrar.register(register(user, cseq, extra), PHONE, "UDP").response();
    }

    int cseq = 100;

    /** Challenge, then answer with {@code algorithm}; returns the outcome of the answer. CSeq rises as a phone's does. */
    RegisterOutcome login(String user, String password, String algorithm, String... extra) {
        SipResponse c = send(user, ++cseq, extra);
        assertThat(c.status()).isEqualTo(401);
        String auth = answer(challenge(c, algorithm), user, password, 1);
        return registrar.register(withAuth(register(user, ++cseq, extra), auth), PHONE, "UDP");
    }

    @Test void firstRegisterIsChallengedWithSha256AndMd5() {
        SipResponse r = send(USER, 1, "Contact", "<sip:0001@192.0.2.10:5060>");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.to().tag()).isNotBlank();
        List<String> www = r.headers().getAll("WWW-Authenticate");
        assertThat(www).hasSize(2);
        DigestChallenge sha = DigestChallenge.parse(www.get(0));
        DigestChallenge md5 = DigestChallenge.parse(www.get(1));
        assertThat(sha.algorithm()).isEqualTo("SHA-256"); // RFC 8760 §2.4: preferred first
        assertThat(md5.algorithm()).isEqualTo("MD5");
        assertThat(sha.realm()).isEqualTo("asterisk");
        assertThat(sha.qop()).containsExactly("auth");
        assertThat(sha.stale()).isFalse();
        assertThat(sha.nonce()).isEqualTo(md5.nonce()).hasSizeGreaterThan(40);
        assertThat(send(USER, 1).headers().getAll("WWW-Authenticate").get(0)).isNotEqualTo(www.get(0)); // fresh nonce
        assertThat(r.header("Server")).isEqualTo("Switchboard");
        assertThat(registrar.isRegistered(USER)).isFalse();
    }

    @Test void theDateHeaderHasATwoDigitDayAsSipDateWantsIt() { // RFC 3261 §25.1: date1 = 2DIGIT SP month SP 4DIGIT
        assertThat(Registrar.date(java.time.Instant.parse("2026-12-07T09:05:03Z"))).isEqualTo("Mon, 07 Dec 2026 09:05:03 GMT");
        assertThat(org.switchboard.channels.sip.message.SipDate.isValid(Registrar.date(java.time.Instant.parse("2026-12-07T09:05:03Z"))))
            .isTrue();
    }

    @Test void md5AnswerComputedByHandRegisters() {
        SipResponse c = send(USER, 1, "Contact", "<sip:0001@192.0.2.10:5060>");
        String nonce = challenge(c, "MD5").nonce();
        // RFC 2617 §3.2.2.1 with qop=auth, by hand: MD5(HA1:nonce:nc:cnonce:qop:HA2)
        String ha1 = md5(USER + ":asterisk:" + PW);
        String ha2 = md5("REGISTER:" + REQUEST_URI);
        String response = md5(ha1 + ":" + nonce + ":00000001:abcdef:auth:" + ha2);
        String auth = "Digest username=\"" + USER + "\", realm=\"asterisk\", nonce=\"" + nonce + "\", uri=\""
            + REQUEST_URI + "\", response=\"" + response + "\", algorithm=MD5, cnonce=\"abcdef\", qop=auth, nc=00000001";
        RegisterOutcome o = registrar.register(withAuth(register(USER, 2, "Contact", "<sip:0001@192.0.2.10:5060>"), auth), PHONE, "UDP");
        assertThat(o.response().status()).isEqualTo(200);
        assertThat(o.peer()).isEqualTo(USER);
        assertThat(o.response().headers().getAll("Contact")).containsExactly("<sip:0001@192.0.2.10:5060>;expires=120");
        assertThat(o.response().header("Expires")).isEqualTo("120");
        assertThat(o.response().header("Date")).isEqualTo("Thu, 26 Nov 2026 12:00:00 GMT");
        assertThat(o.events()).extracting(BindingEvent::kind).containsExactly(BindingEvent.Kind.ADDED);
        assertThat(registrar.isRegistered(USER)).isTrue();
        assertThat(registrar.isRegistered("0000ffff0001")).isTrue();
        Binding b = registrar.contact(USER);
        assertThat(b.contact().toString()).isEqualTo("sip:0001@192.0.2.10:5060");
        assertThat(b.targetHost()).isEqualTo("192.0.2.10");
        assertThat(b.targetPort()).isEqualTo(5060);
        assertThat(b.userAgent()).isEqualTo("TestPhone 1.0");
    }

    @Test void sha256AnswerRegisters() {
        RegisterOutcome o = login(USER, PW, "SHA-256", "Contact", "<sip:0001@192.0.2.10:5060>", "Expires", "600");
        assertThat(o.response().status()).isEqualTo(200);
        assertThat(o.response().headers().getAll("Contact")).containsExactly("<sip:0001@192.0.2.10:5060>;expires=600");
        // a second answer with the same nonce and a higher nc is fine; the same nc again is a replay
        String nonce = registrar.authenticator().newNonce();
        DigestChallenge c = new DigestChallenge("asterisk", nonce, null, Digest.SHA_256, List.of("auth"), false, null);
        assertThat(registrar.register(withAuth(register(USER, 200, "Contact", "<sip:0001@192.0.2.10:5060>"),
            answer(c, USER, PW, 1)), PHONE, "UDP").response().status()).isEqualTo(200);
        assertThat(registrar.register(withAuth(register(USER, 201, "Contact", "<sip:0001@192.0.2.10:5060>"),
            answer(c, USER, PW, 1)), PHONE, "UDP").response().status()).isEqualTo(401);
        assertThat(registrar.register(withAuth(register(USER, 202, "Contact", "<sip:0001@192.0.2.10:5060>"),
            answer(c, USER, PW, 2)), PHONE, "UDP").response().status()).isEqualTo(200);
    }

    @Test void staleNonceWithARightAnswerGetsStaleTrue() {
        SipResponse c = send(USER, 1);
        clock.advance(Duration.ofSeconds(31));
        String auth = answer(challenge(c, "SHA-256"), USER, PW, 1);
        SipResponse r = registrar.register(withAuth(register(USER, 2, "Contact", "<sip:0001@192.0.2.10>"), auth), PHONE, "UDP").response();
        assertThat(r.status()).isEqualTo(401);
        assertThat(challenge(r, "SHA-256").stale()).isTrue();
        assertThat(challenge(r, "MD5").stale()).isTrue();
        String wrong = answer(challenge(c, "SHA-256"), USER, "nope", 1);
        SipResponse r2 = registrar.register(withAuth(register(USER, 200, "Contact", "<sip:0001@192.0.2.10>"), wrong), PHONE, "UDP").response();
        assertThat(challenge(r2, "SHA-256").stale()).isFalse(); // a wrong answer is not "stale"
        String forged = answer(new DigestChallenge("asterisk", "bm90LW91cnM", null, "MD5", List.of("auth"), false, null), USER, PW, 1);
        SipResponse r3 = registrar.register(withAuth(register(USER, 4), forged), PHONE, "UDP").response();
        assertThat(challenge(r3, "MD5").stale()).isTrue(); // right password, nonce not ours (e.g. before a restart)
    }

    @Test void expiresIsClampedAndTooBriefIs423() {
        SipResponse r = login(USER, PW, "MD5", "Contact", "<sip:0001@192.0.2.10>", "Expires", "30").response();
        assertThat(r.status()).isEqualTo(423);
        assertThat(r.header("Min-Expires")).isEqualTo("60");
        assertThat(registrar.isRegistered(USER)).isFalse();
        r = login(USER, PW, "MD5", "Contact", "<sip:0001@192.0.2.10>", "Expires", "99999").response();
        assertThat(r.headers().getAll("Contact")).containsExactly("<sip:0001@192.0.2.10>;expires=3600");
        r = login(USER, PW, "MD5", "Contact", "<sip:0001@192.0.2.10>;expires=200", "Expires", "30").response();
        assertThat(r.headers().getAll("Contact")).containsExactly("<sip:0001@192.0.2.10>;expires=200"); // the param wins
        r = login(USER, PW, "MD5", "Contact", "<sip:0001@192.0.2.10>;expires=59").response();
        assertThat(r.status()).isEqualTo(423);
    }

    @Test void unregisterOneContactOrAll() {
        login(USER, PW, "MD5", "Contact", "<sip:0001@192.0.2.10>");
        RegisterOutcome o = login(USER, PW, "MD5", "Contact", "<sip:0001@192.0.2.10>", "Expires", "0");
        assertThat(o.response().status()).isEqualTo(200);
        assertThat(o.response().headers().getAll("Contact")).isEmpty();
        assertThat(o.events()).extracting(BindingEvent::kind).containsExactly(BindingEvent.Kind.REMOVED);
        assertThat(registrar.isRegistered(USER)).isFalse();

        login(USER, PW, "MD5", "Contact", "<sip:0001@192.0.2.10>");
        assertThat(login(USER, PW, "MD5", "Contact", "*").response().status()).isEqualTo(400); // * needs Expires: 0
        assertThat(login(USER, PW, "MD5", "Contact", "*", "Expires", "0").response().status()).isEqualTo(200);
        assertThat(registrar.contacts(USER)).isEmpty();
    }

    @Test void aQueryListsContactsAndANewContactReplacesTheOld() {
        login(USER, PW, "MD5", "Contact", "<sip:0001@192.0.2.10>");
        clock.advance(Duration.ofSeconds(20));
        SipResponse q = login(USER, PW, "MD5").response(); // no Contact: a query (RFC 3261 §10.3 step 6)
        assertThat(q.headers().getAll("Contact")).containsExactly("<sip:0001@192.0.2.10>;expires=100");
        RegisterOutcome o = login(USER, PW, "MD5", "Contact", "<sip:0001@192.0.2.99:5062>");
        assertThat(o.events()).extracting(BindingEvent::kind)
            .containsExactlyInAnyOrder(BindingEvent.Kind.ADDED, BindingEvent.Kind.REMOVED); // chan_sip: one contact per peer
        assertThat(registrar.contact(USER).targetPort()).isEqualTo(5062);
    }

    @Test void anOlderCSeqOnTheSameCallIdIsRefused() {
        login(USER, PW, "MD5", "Contact", "<sip:0001@192.0.2.10>");
        SipResponse c = send(USER, 1);
        RegisterOutcome late = registrar.register(withAuth(register(USER, 2, "Contact", "<sip:0001@192.0.2.10>", "Expires", "0"),
            answer(challenge(c, "MD5"), USER, PW, 1)), PHONE, "UDP");
        assertThat(late.response().status()).isEqualTo(500);
        assertThat(late.events()).isEmpty();
        assertThat(registrar.isRegistered(USER)).isTrue();
    }

    @Test void bindingsExpireByTheClock() {
        login(USER, PW, "MD5", "Contact", "<sip:0001@192.0.2.10>");
        clock.advance(Duration.ofSeconds(119));
        assertThat(registrar.isRegistered(USER)).isTrue();
        assertThat(registrar.contact(USER).expiresIn(clock.instant())).isEqualTo(1);
        assertThat(registrar.sweep()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(registrar.isRegistered(USER)).isFalse();
        assertThat(registrar.sweep()).extracting(BindingEvent::kind).containsExactly(BindingEvent.Kind.EXPIRED);
        assertThat(registrar.sweep()).isEmpty();
    }

    @Test void forceRportUsesTheSourceAddressNatNoTheContact() {
        InetSocketAddress nat = source("203.0.113.7", 40000);
        SipResponse c = registrar.register(register("natted", 1), nat, "UDP").response();
        RegisterOutcome o = registrar.register(withAuth(register("natted", 2, "Contact", "<sip:natted@10.0.0.5:5060>"),
            answer(challenge(c, "MD5"), "natted", "pw2", 1)), nat, "UDP");
        assertThat(o.response().status()).isEqualTo(200);
        Binding b = registrar.contact("natted");
        assertThat(b.targetHost() + ":" + b.targetPort()).isEqualTo("203.0.113.7:40000");
        assertThat(b.contact().toString()).isEqualTo("sip:natted@10.0.0.5:5060");

        c = registrar.register(register("plain", 1), nat, "UDP").response();
        registrar.register(withAuth(register("plain", 2, "Contact", "<sip:plain@10.0.0.5>"),
            answer(challenge(c, "MD5"), "plain", "pw3", 1)), nat, "UDP");
        assertThat(registrar.contact("plain").targetHost() + ":" + registrar.contact("plain").targetPort())
            .isEqualTo("10.0.0.5:5060");
    }

    @Test void aPeerWithoutSecretRegistersWithoutChallenge() {
        Registrar open = registrar(settings("[p]\ntype=friend\nhost=dynamic\n"), clock, 5);
        SipResponse r = open.register(register("p", 1, "Contact", "<sip:p@192.0.2.10>"), PHONE, "UDP").response();
        assertThat(r.status()).isEqualTo(200);
        assertThat(open.isRegistered("p")).isTrue();
    }

    static String md5(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
