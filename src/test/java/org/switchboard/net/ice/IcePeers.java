package org.switchboard.net.ice;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.Frame;
import org.switchboard.media.codec.G711;
import org.switchboard.media.codec.Goertzel;
import org.switchboard.media.rtp.RtpSession;

/** Helpers for tests of {@link IceDtlsTransport}: loopback settings, signalling between two, tones. */
final class IcePeers {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private IcePeers() {}

    static IceSettings loopback(Duration failAfter) {
        return new IceSettings(List.of(LOOPBACK), null, 0, 0, failAfter);
    }

    /** The offer/answer of two transports, as Jingle carries it: credentials, fingerprint, setup, candidates. */
    static void signal(IceDtlsTransport offerer, IceDtlsTransport answerer) {
        answerer.setRemote(offerer.localCredentials(), offerer.localFingerprint(), offerer.localSetup());
        offerer.localCandidates().forEach(answerer::addRemoteCandidate);
        offerer.setRemote(answerer.localCredentials(), answerer.localFingerprint(), answerer.localSetup());
        answerer.localCandidates().forEach(offerer::addRemoteCandidate);
    }

    static IceDtlsTransport open(boolean controlling) throws IOException {
        return IceDtlsTransport.open(loopback(Duration.ofSeconds(10)), controlling);
    }

    /** {@code ms} of a tone as 20 ms G.711 µ-law frames. */
    static List<Frame.VoiceFrame> ulawTone(double freq, int ms) {
        short[] pcm = Goertzel.tone(freq, 8000, 8 * ms, 8000);
        List<Frame.VoiceFrame> out = new ArrayList<>();
        for (int at = 0; at + 160 <= pcm.length; at += 160) {
            byte[] b = new byte[160];
            for (int i = 0; i < 160; i++) b[i] = G711.linearToUlaw(pcm[at + i]);
            out.add(new Frame.VoiceFrame("ulaw", b, 160));
        }
        return out;
    }

    /** Collects what a session hears. */
    static final class Ear implements RtpSession.Listener {
        final BlockingQueue<Frame.VoiceFrame> voice = new LinkedBlockingQueue<>();
        final BlockingQueue<Frame.DtmfFrame> digits = new LinkedBlockingQueue<>();

        @Override public void onVoice(RtpSession s, Frame.VoiceFrame f) { voice.add(f); }
        @Override public void onDtmf(RtpSession s, Frame.DtmfFrame f) { digits.add(f); }

        /** {@code frames} µ-law frames decoded, waiting up to 5 s for them. */
        short[] hear(int frames) throws InterruptedException {
            short[] pcm = new short[frames * 160];
            int n = 0;
            for (int i = 0; i < frames; i++) {
                Frame.VoiceFrame f = voice.poll(5, TimeUnit.SECONDS);
                if (f == null) throw new AssertionError("heard " + i + " frames of " + frames);
                for (byte b : f.payload()) if (n < pcm.length) pcm[n++] = G711.ulawToLinear(b);
            }
            return pcm;
        }
    }
}
