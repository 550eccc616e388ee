package org.switchboard.channels.sip.registrar;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.channels.sip.config.Acl;
import org.switchboard.channels.sip.config.SipConfig;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.message.DigestChallenge;
import org.switchboard.channels.sip.message.DigestCredentials;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.config.ConfigReader;
import org.switchboard.core.PbxLog;

/** A fake clock, REGISTER builders and digest answers for the registrar tests. */
final class RegistrarFixture {
    private RegistrarFixture() {}

    static final String REQUEST_URI = "sip:pbx.example.com";

    /** A clock tests move by hand. */
    static final class FakeClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T12:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
        void advance(Duration d) { now = now.plus(d); }
    }

    static SipSettings settings(String text) {
        SipSettings s = SipConfig.read(ConfigReader.parse("sip.conf", text, null));
        if (!s.problems().isEmpty()) throw new AssertionError("config problems: " + s.problems());
        return s;
    }

    static Registrar registrar(SipSettings s, FakeClock clock, int maxFailures) {
        DigestAuthenticator auth = new DigestAuthenticator(s.realm(), clock, Duration.ofSeconds(30), new SecureRandom(),
            DigestAuthenticator.DEFAULT_ALGORITHMS);
        AuthFailureTracker tracker = new AuthFailureTracker(maxFailures, Duration.ofMinutes(1), Duration.ofMinutes(5), clock);
        return new Registrar(s, auth, tracker, clock, 1);
    }

    static InetSocketAddress source(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(Acl.parseLiteral(ip)), port);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A REGISTER as a phone at 192.0.2.10 sends it; extra headers as name, value pairs. */
    static SipRequest register(String user, int cseq, String... extra) {
        Headers.Builder h = Headers.builder()
            .add("Via", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKreg" + cseq + ";rport")
            .add("Max-Forwards", "70")
            .add("From", "<sip:" + user + "@pbx.example.com>;tag=fromtag1")
            .add("To", "<sip:" + user + "@pbx.example.com>")
            .add("Call-ID", "reg-call-1@192.0.2.10")
            .add("CSeq", cseq + " REGISTER")
            .add("User-Agent", "TestPhone 1.0");
        for (int i = 0; i + 1 < extra.length; i += 2) h.add(extra[i], extra[i + 1]);
        return new SipRequest("REGISTER", SipUri.parse(REQUEST_URI), h.build(), null);
    }

    static SipRequest withAuth(SipRequest r, String authorization) {
        return r.withHeaders(r.headers().toBuilder().add("Authorization", authorization).build());
    }

    /** The challenge for {@code algorithm} among a 401's WWW-Authenticate headers. */
    static DigestChallenge challenge(SipResponse r, String algorithm) {
        for (String v : r.headers().getAll("WWW-Authenticate")) {
            DigestChallenge c = DigestChallenge.parse(v);
            if (c.algorithmOrDefault().equalsIgnoreCase(algorithm)) return c;
        }
        throw new AssertionError("no " + algorithm + " challenge in\n" + r);
    }

    /** An Authorization value answering the challenge with qop=auth. */
    static String answer(DigestChallenge c, String user, String password, int nc) {
        return DigestCredentials.answer(c, user, password, "REGISTER", REQUEST_URI, "0a4f113b", nc).toHeaderValue();
    }

    /** The response text with nonces and To tags replaced, to compare two responses. */
    static String normalized(SipResponse r) {
        return r.toString().replaceAll("nonce=\"[^\"]*\"", "nonce=\"N\"").replaceAll(";tag=[A-Za-z0-9]+", ";tag=T");
    }

    /** Collects SECURITY log lines while a test runs. */
    static final class SecurityLines implements AutoCloseable, java.util.function.Consumer<PbxLog.Line> {
        final List<String> lines = new ArrayList<>();

        SecurityLines() { PbxLog.addSink(this); }

        @Override public synchronized void accept(PbxLog.Line line) {
            if (line.level() == PbxLog.Level.SECURITY) lines.add(line.text());
        }

        synchronized List<String> lines() { return List.copyOf(lines); }

        @Override public void close() { PbxLog.removeSink(this); }
    }
}
