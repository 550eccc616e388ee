package org.switchboard.net.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.media.codec.Goertzel;
import org.switchboard.media.rtp.RtpConfig;
import org.switchboard.media.rtp.RtpEngine;
import org.switchboard.media.rtp.RtpSession;
import org.switchboard.net.ice.MediaTransportException.Reason;

/**
 * What a hostile or broken peer can do to the media transport: a wrong or missing fingerprint, a
 * peer that never does DTLS, candidates that are garbage or lead nowhere, forged SRTP, random
 * datagrams, a peer that vanishes mid-call. Each ends with a clear reason (or a dropped packet),
 * never an exception out of the transport, and a call that was up keeps working where it can.
 */
class IceDtlsBadInputTest {
    final List<IceDtlsTransport> opened = new ArrayList<>();
    RtpEngine engine;

    @BeforeEach
    void setUp() {
        engine = new RtpEngine(InetAddress.getLoopbackAddress(), RtpConfig.defaults().withPorts(33200, 33299));
    }

    @AfterEach
    void tearDown() {
        opened.forEach(IceDtlsTransport::close);
        engine.close();
    }

    IceDtlsTransport open(boolean controlling, Duration failAfter, Duration consent) throws Exception {
        IceDtlsTransport t = IceDtlsTransport.open(new IceSettings(List.of(IcePeers.LOOPBACK), null, 0, 0, failAfter, consent), controlling);
        opened.add(t);
        return t;
    }

    static Reason reasonOf(CompletableFuture<Void> ready, int seconds) {
        try {
            ready.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(MediaTransportException.class);
            return ((MediaTransportException) e.getCause()).reason();
        } catch (Exception e) {
            throw new AssertionError("ready() neither completed nor failed: " + e);
        }
        throw new AssertionError("ready() completed");
    }

    @Test
    void aFingerprintThatIsNotThePeersCertificateFailsBothEnds() throws Exception {
        IceDtlsTransport a = open(true, Duration.ofSeconds(10), null), b = open(false, Duration.ofSeconds(10), null);
        DtlsFingerprint forged = new DtlsFingerprint("sha-256", a.localFingerprint().value().replace('A', 'B').replace('0', '1'));
        b.setRemote(a.localCredentials(), forged, a.localSetup()); // b will not accept a's certificate
        a.localCandidates().forEach(b::addRemoteCandidate);
        a.setRemote(b.localCredentials(), b.localFingerprint(), b.localSetup());
        b.localCandidates().forEach(a::addRemoteCandidate);
        assertThat(reasonOf(b.ready(), 10)).isEqualTo(Reason.FINGERPRINT_MISMATCH);
        assertThat(reasonOf(a.ready(), 12)).isIn(Reason.DTLS_FAILED, Reason.TIMEOUT); // b's alert, or silence
        assertThat(b.dtlsState()).isEqualTo("failed");
    }

    @Test
    void noFingerprintMeansNoCall() throws Exception {
        IceDtlsTransport a = open(true, Duration.ofSeconds(10), null), b = open(false, Duration.ofSeconds(10), null);
        a.setRemote(b.localCredentials(), null, DtlsSetup.ACTIVE);
        assertThat(reasonOf(a.ready(), 2)).isEqualTo(Reason.FINGERPRINT_MISMATCH);
    }

    @Test
    void aPeerThatAnswersIceButNeverDtlsTimesOut() throws Exception {
        IceDtlsTransport a = open(true, Duration.ofSeconds(3), null), b = open(false, Duration.ofSeconds(3), null);
        // b answers connectivity checks but is never told about a: it never starts DTLS
        a.setRemote(b.localCredentials(), b.localFingerprint(), DtlsSetup.ACTIVE);
        b.localCandidates().forEach(a::addRemoteCandidate);
        long t0 = System.nanoTime();
        assertThat(reasonOf(a.ready(), 10)).isEqualTo(Reason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(6));
        assertThat(a.selectedPair()).as("ICE itself worked").isNotEmpty();
    }

    @Test
    void garbageAndUnreachableCandidatesFailIceWithinTheLimit() throws Exception {
        IceDtlsTransport a = open(true, Duration.ofSeconds(2), null);
        a.setRemote(new IceCredentials("zzzz", "zzzzzzzzzzzzzzzzzzzzzz"), a.localFingerprint(), DtlsSetup.ACTPASS);
        for (IceCandidate c : List.of(
                new IceCandidate("1", 1, "udp", 1, "printer.local", 5000, "host", null, 0, 0, null), // mDNS: never resolved
                new IceCandidate("2", 1, "tcp", 1, "127.0.0.1", 5000, "host", null, 0, 0, null),
                new IceCandidate("3", 1, "udp", 1, "127.0.0.1", 0, "host", null, 0, 0, null),
                new IceCandidate("4", 2, "udp", 1, "127.0.0.1", 5002, "host", null, 0, 0, null),
                new IceCandidate("5", 1, "udp", 1, "127.0.0.1", 5004, "wormhole", null, 0, 0, null),
                new IceCandidate("6", 1, "udp", 1, "0.0.0.0", 5006, "host", null, 0, 0, null),
                new IceCandidate("7", 1, "udp", 2130706431L, "127.0.0.1", 9, "host", null, 0, 0, null))) { // nobody there
            a.addRemoteCandidate(c);
        }
        a.addRemoteCandidate(null);
        assertThat(IceSdp.parseCandidate("a=candidate:garbage")).isNull();
        long t0 = System.nanoTime();
        assertThat(reasonOf(a.ready(), 10)).isEqualTo(Reason.ICE_FAILED);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
        assertThat(a.selectedPair()).isEmpty();
    }

    @Test
    void forgedSrtpAndRandomDatagramsAreDroppedAndTheCallGoesOn() throws Exception {
        IceDtlsTransport a = open(true, Duration.ofSeconds(10), null), b = open(false, Duration.ofSeconds(10), null);
        IcePeers.signal(a, b);
        a.ready().get(10, TimeUnit.SECONDS);
        b.ready().get(10, TimeUnit.SECONDS);
        IcePeers.Ear earA = new IcePeers.Ear();
        RtpSession sa = engine.open(a, earA), sb = engine.open(b, new IcePeers.Ear());
        sa.configure("ulaw", 0, 101, 20);
        sb.configure("ulaw", 0, 101, 20);
        sa.setRemote(a.selectedRemote());
        sb.setRemote(b.selectedRemote());

        Random rnd = new Random(7);
        try (DatagramSocket attacker = new DatagramSocket(0, IcePeers.LOOPBACK)) {
            for (int i = 0; i < 200; i++) { // plausible SRTP: RTP version 2, PCMU, then noise and a made-up tag
                byte[] p = new byte[12 + 160 + 10];
                rnd.nextBytes(p);
                p[0] = (byte) 0x80;
                p[1] = 0;
                send(attacker, p, a.localAddress());
            }
            for (int i = 0; i < 300; i++) { // anything at all: STUN-, DTLS-, RTP-looking and other first bytes
                byte[] p = new byte[rnd.nextInt(1, 1400)];
                rnd.nextBytes(p);
                send(attacker, p, a.localAddress());
            }
            send(attacker, new byte[0], a.localAddress());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> a.srtpAuthFailures() >= 200);
        assertThat(earA.voice).as("no forged packet reached the stream").isEmpty();
        assertThat(sa.packetsReceived()).isZero();

        IcePeers.ulawTone(1000, 600).forEach(sb::write);
        short[] heard = earA.hear(25);
        assertThat(Goertzel.energyRatio(heard, 0, heard.length, 1000, 8000)).isGreaterThan(0.8);
        assertThat(a.dtlsState()).isEqualTo("connected");
    }

    @Test
    void aPeerThatVanishesLosesConsentAndTheCallIsToldOnce() throws Exception {
        IceDtlsTransport a = open(true, Duration.ofSeconds(10), Duration.ofSeconds(8)), b = open(false, Duration.ofSeconds(10), null);
        IcePeers.signal(a, b);
        a.ready().get(10, TimeUnit.SECONDS);
        b.ready().get(10, TimeUnit.SECONDS);
        List<MediaTransportException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        a.onFailure(failures::add);
        b.close();
        await().atMost(Duration.ofSeconds(20)).until(() -> !failures.isEmpty());
        assertThat(failures.getFirst().reason()).isEqualTo(Reason.CONSENT_LOST);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> failures.size() == 1);
        assertThat(a.ready()).isCompleted(); // it was up; only the listener hears of the loss
    }

    private static void send(DatagramSocket s, byte[] p, java.net.InetSocketAddress to) throws Exception {
        s.send(new DatagramPacket(p, p.length, to));
    }
}
