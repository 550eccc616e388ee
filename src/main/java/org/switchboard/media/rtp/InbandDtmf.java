package org.switchboard.media.rtp;

import org.switchboard.core.Frame;
import org.switchboard.media.codec.Codec;
import org.switchboard.media.codec.Codecs;
import org.switchboard.media.dtmf.DtmfDetector;

/**
 * The key presses in a session's received audio ({@code dtmfmode=inband}): each voice frame is
 * decoded and searched by a {@link DtmfDetector}; a press reaches the listener as DTMF frames,
 * begin and end, as RFC 4733 digits do. Event-loop confined.
 */
final class InbandDtmf implements DtmfDetector.Listener {
    private final RtpSession session;
    private String codecName;
    private Codec decoder;
    private DtmfDetector detector;
    private short[] pcm = new short[960];

    InbandDtmf(RtpSession session) { this.session = session; }

    void onVoice(Frame.VoiceFrame f) {
        if (!f.codec().equals(codecName)) {
            if (detector != null) detector.flush();
            codecName = f.codec();
            decoder = Codecs.create(f.codec());
            detector = new DtmfDetector(decoder.sampleRate(), this);
        }
        int want = Math.max(f.samples(), 0) + 64;
        if (pcm.length < want) pcm = new short[want];
        int n = decoder.decode(f.payload(), 0, f.payload().length, pcm, 0);
        if (n > 0) detector.feed(pcm, 0, n);
    }

    @Override public void begin(char key) { session.listener.onDtmf(session, new Frame.DtmfFrame(key, false, 0)); }

    @Override public void end(char key, int durationMs) {
        session.listener.onDtmf(session, new Frame.DtmfFrame(key, true, durationMs));
    }
}
