package org.switchboard.net.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Frame;
import org.switchboard.media.codec.Goertzel;
import org.switchboard.media.codec.WavFile;
import org.switchboard.media.rtp.RtpConfig;
import org.switchboard.media.rtp.RtpEngine;
import org.switchboard.media.rtp.RtpSession;

/**
 * Our transport against a WebRTC stack nobody here wrote (aiortc, on loopback): the SDP is built
 * from the transport's own description ({@link IceSdp}), ICE and DTLS-SRTP come up with either
 * side offering, a tone crosses each way at its frequency, and a peer whose certificate does not
 * match its fingerprint never gets a call up.
 */
class IceDtlsAiortcTest {
    @TempDir Path dir;
    RtpEngine engine;
    IceDtlsTransport t;
    final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void setUp() {
        engine = new RtpEngine(InetAddress.getLoopbackAddress(), RtpConfig.defaults().withPorts(33100, 33199));
    }

    @AfterEach
    void tearDown() {
        pacer.shutdownNow();
        if (t != null) t.close();
        engine.close();
    }

    @Test
    void weOfferAiortcAnswersAndTonesCrossBothWays() throws Exception {
        Path wav = dir.resolve("heard.wav");
        try (AiortcPeer peer = new AiortcPeer(dir, 1000, wav)) {
            t = IceDtlsTransport.open(IcePeers.loopback(Duration.ofSeconds(15)), true);
            peer.send("offer", sdp(t, "sendrecv"));
            IceSdp.Remote answer = IceSdp.read(peer.next("answer").get("sdp"));
            assertThat(answer.setup()).isEqualTo(DtlsSetup.ACTIVE); // aiortc answers active: we are the DTLS server
            assertThat(answer.rtcpMux()).isTrue();
            t.setRemote(answer.credentials(), answer.fingerprint(), answer.setup());
            answer.candidates().forEach(t::addRemoteCandidate);
            assertThat(t.localSetup()).isEqualTo(DtlsSetup.PASSIVE);
            talk(peer, wav);
        }
    }

    @Test
    void aiortcOffersWeAnswerActiveAndTonesCrossBothWays() throws Exception {
        Path wav = dir.resolve("heard.wav");
        try (AiortcPeer peer = new AiortcPeer(dir, 1000, wav, "--offer")) {
            IceSdp.Remote offer = IceSdp.read(peer.next("offer").get("sdp"));
            assertThat(offer.setup()).isEqualTo(DtlsSetup.ACTPASS);
            t = IceDtlsTransport.open(IcePeers.loopback(Duration.ofSeconds(15)), false);
            t.setRemote(offer.credentials(), offer.fingerprint(), offer.setup());
            offer.candidates().forEach(t::addRemoteCandidate);
            assertThat(t.localSetup()).isEqualTo(DtlsSetup.ACTIVE); // RFC 8842 §5.3
            peer.send("answer", sdp(t, "sendrecv"));
            talk(peer, wav);
        }
    }

    @Test
    void aPeerWhoseCertificateDoesNotMatchItsFingerprintNeverGetsMedia() throws Exception {
        try (AiortcPeer peer = new AiortcPeer(dir, 1000, dir.resolve("x.wav"), "--mangle-fingerprint")) {
            t = IceDtlsTransport.open(IcePeers.loopback(Duration.ofSeconds(15)), true);
            peer.send("offer", sdp(t, "sendrecv"));
            IceSdp.Remote answer = IceSdp.read(peer.next("answer").get("sdp"));
            t.setRemote(answer.credentials(), answer.fingerprint(), answer.setup());
            answer.candidates().forEach(t::addRemoteCandidate);
            assertThatThrownBy(() -> t.ready().get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(MediaTransportException.class,
                    e -> assertThat(e.reason()).isEqualTo(MediaTransportException.Reason.FINGERPRINT_MISMATCH));
            assertThat(t.dtlsState()).isEqualTo("failed");
        }
    }

    /** Once ready: 1500 Hz from us for two seconds, paced; aiortc's 1000 Hz heard here, ours recorded there. */
    private void talk(AiortcPeer peer, Path wav) throws Exception {
        t.ready().get(20, TimeUnit.SECONDS);
        assertThat(t.selectedPair()).contains("127.0.0.1");
        IcePeers.Ear ear = new IcePeers.Ear();
        RtpSession s = engine.open(t, ear);
        s.configure("ulaw", 0, -1, 20);
        s.setRemote(t.selectedRemote());
        List<Frame.VoiceFrame> tone = IcePeers.ulawTone(1500, 2000);
        AtomicInteger next = new AtomicInteger();
        pacer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i < tone.size()) s.write(tone.get(i));
        }, 0, 20, TimeUnit.MILLISECONDS);

        ear.hear(10); // the first packets may carry the start of its jitter buffer's silence
        short[] heard = ear.hear(25);
        assertThat(Goertzel.energyRatio(heard, 0, heard.length, 1000, 8000)).as("aiortc's 1000 Hz, here").isGreaterThan(0.7);
        await(() -> next.get() >= tone.size() + 5);
        Map<String, String> done = peer.bye();
        WavFile rec = WavFile.read(Path.of(done.get("file")));
        assertThat(rec.sampleRate()).isEqualTo(8000);
        assertThat(rec.samples().length).as("aiortc heard about two seconds").isGreaterThan(8000);
        short[] x = rec.samples();
        int from = 1600, len = Math.min(8000, x.length - from);
        assertThat(Goertzel.energyRatio(x, from, len, 1500, 8000)).as("our 1500 Hz, at aiortc").isGreaterThan(0.7);
        assertThat(t.srtpAuthFailures()).isZero();
        s.close();
    }

    private static void await(java.util.concurrent.Callable<Boolean> c) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(c);
    }

    /** A WebRTC audio description of ours: PCMU, rtcp-mux, and the transport's ICE/DTLS attributes. */
    static String sdp(IceDtlsTransport t, String direction) {
        StringBuilder b = new StringBuilder("v=0\r\no=- 4242 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
        b.append("a=group:BUNDLE 0\r\n");
        b.append("m=audio ").append(t.localAddress().getPort()).append(" UDP/TLS/RTP/SAVPF 0\r\n");
        b.append("c=IN IP4 127.0.0.1\r\n");
        b.append("a=mid:0\r\na=").append(direction).append("\r\na=rtpmap:0 PCMU/8000\r\n");
        IceSdp.attributes(t).forEach(l -> b.append(l).append("\r\n"));
        return b.toString();
    }
}
