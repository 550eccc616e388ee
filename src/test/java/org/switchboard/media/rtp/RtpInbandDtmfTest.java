package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Frame;
import org.switchboard.core.Frame.VoiceFrame;
import org.switchboard.media.codec.G711;
import org.switchboard.media.dtmf.DtmfDetector;
import org.switchboard.media.dtmf.DtmfTones;
import org.switchboard.media.sound.ToneGenerator;

/** A session with in-band DTMF: key tones in the received audio become digits; sendDtmf plays tones. */
class RtpInbandDtmfTest {
    RtpEngine engine;
    RtpTestPeer peer;
    RtpTestPeer.Recorder rec = new RtpTestPeer.Recorder();
    RtpSession s;

    @BeforeEach
    void open() throws Exception {
        engine = new RtpEngine(RtpTestPeer.LOOPBACK, RtpConfig.defaults().withPorts(31200, 31399), 200);
        peer = new RtpTestPeer();
        s = engine.open(rec);
        s.configure("ulaw", 0, -1, 20); // no telephone-event: as an inband peer's SDP
        s.setInbandDtmf(true);
    }

    @AfterEach
    void close() {
        engine.close();
        peer.close();
    }

    /** 20 ms µ-law payloads of key presses. */
    static List<byte[]> ulawFrames(String keys, int ms) {
        List<byte[]> out = new ArrayList<>();
        for (char k : keys.toCharArray()) {
            ToneGenerator g = DtmfTones.press(k, ms);
            byte[] f;
            while ((f = g.nextFrame()) != null) {
                byte[] u = new byte[160];
                for (int i = 0; i < 160 && 2 * i + 1 < f.length; i++) u[i] = G711.linearToUlaw((short) ((f[2 * i] & 0xff) | (f[2 * i + 1] << 8)));
                out.add(u);
            }
        }
        return out;
    }

    @Test
    void keyTonesInTheAudioArriveAsDigitsBeginAndEnd() throws Exception {
        int seq = 1, ts = 0;
        for (byte[] f : ulawFrames("42", 100)) {
            peer.sendRtp(s.localAddress(), seq == 1, 0, seq++, ts, 0x4242, f);
            ts += 160;
        }
        List<Frame.DtmfFrame> digits = new ArrayList<>();
        int voice = 0;
        while (digits.size() < 4) {
            Frame f = rec.next();
            if (f instanceof Frame.DtmfFrame d) digits.add(d);
            else voice++;
        }
        assertThat(digits).extracting(d -> d.digit() + (d.end() ? "-" : "+")).containsExactly("4+", "4-", "2+", "2-");
        assertThat(digits.get(1).durationMs()).isBetween(80, 130);
        assertThat(voice).as("the audio still reaches the listener").isGreaterThan(3);
    }

    @Test
    void sendDtmfPlaysTheKeyInTheAudioAndHoldsOurOtherAudioMeanwhile() throws Exception {
        s.setRemote(peer.address());
        assertThat(s.sendDtmf('8', 100)).isTrue();
        assertThat(s.sendDtmf('#', 100)).isTrue(); // queued behind the first
        s.write(new VoiceFrame("ulaw", new byte[160], 160)); // not sent while the keys play
        StringBuilder heard = new StringBuilder();
        DtmfDetector d = new DtmfDetector(8000, new DtmfDetector.Listener() {
            @Override public void begin(char key) {}
            @Override public void end(char key, int durationMs) { heard.append(key); }
        });
        int packets = 0;
        int lastTs = 0;
        byte[] b;
        while ((b = peer.receive(500)) != null) {
            RtpPacket p = (RtpPacket) RtpParser.parse(b);
            assertThat(p.payloadType()).isZero();
            if (packets > 0) assertThat(p.timestamp() - lastTs).isEqualTo(160);
            lastTs = p.timestamp();
            short[] pcm = new short[p.payloadLength()];
            for (int i = 0; i < pcm.length; i++) pcm[i] = G711.ulawToLinear(p.buffer()[p.payloadOffset() + i]);
            d.feed(pcm, 0, pcm.length);
            packets++;
        }
        d.flush();
        assertThat(heard.toString()).isEqualTo("8#");
        assertThat(packets).isEqualTo(2 * (100 + DtmfTones.PAUSE_MS) / 20); // the written silence never went out
    }

    @Test
    void anInbandSessionIsNeverRelayedNatively() throws Exception {
        RtpSession other = engine.open(new RtpTestPeer.Recorder());
        other.configure("ulaw", 0, 101, 20);
        assertThat(s.canBridge(other)).isFalse();
        assertThat(other.canBridge(s)).isFalse();
        assertThat(s.echo()).isFalse();
        s.setInbandDtmf(false);
        assertThat(s.canBridge(other)).isTrue();
        assertThat(s.sendDtmf('1', 100)).as("no telephone-event and no inband: nothing to send it with").isFalse();
    }
}
