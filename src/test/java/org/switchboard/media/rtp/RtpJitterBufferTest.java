package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Frame.VoiceFrame;

/** jbenable: packets that arrive out of order reach the listener in order, a lost one concealed. */
class RtpJitterBufferTest {
    RtpEngine engine;
    RtpTestPeer peer;
    RtpTestPeer.Recorder rec = new RtpTestPeer.Recorder();
    RtpSession s;

    @BeforeEach
    void open() throws Exception {
        engine = new RtpEngine(RtpTestPeer.LOOPBACK, RtpConfig.defaults().withPorts(31200, 31299), 200);
        peer = new RtpTestPeer();
        s = engine.open(rec);
        s.setJitterBuffer(true, 200, false);
        s.configure("ulaw", 0, 101, 20);
    }

    @AfterEach
    void close() {
        engine.close();
        peer.close();
    }

    @Test
    void reorderedPacketsComeOutInSequence() throws Exception {
        int[] order = {1, 3, 2, 5, 4, 6, 8, 7, 9, 10};
        for (int seq : order) peer.sendRtp(s.localAddress(), seq == 1, 0, seq, seq * 160, 0x77, RtpTestPeer.payload(160, seq));
        List<Integer> played = new ArrayList<>();
        while (played.size() < 8) {
            VoiceFrame f = (VoiceFrame) rec.next();
            played.add(which(f.payload()));
        }
        assertThat(played).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void aMissingPacketIsConcealedByRepeatingTheLastOne() throws Exception {
        int[] order = {1, 2, 3, 5, 6, 7, 8, 9}; // 4 never comes
        for (int seq : order) peer.sendRtp(s.localAddress(), seq == 1, 0, seq, seq * 160, 0x77, RtpTestPeer.payload(160, seq));
        List<Integer> played = new ArrayList<>();
        while (played.size() < 6) played.add(which(((VoiceFrame) rec.next()).payload()));
        assertThat(played).containsExactly(1, 2, 3, 3, 5, 6);
    }

    /** The seed RtpTestPeer.payload filled the packet with. */
    private static int which(byte[] payload) {
        for (int k = 0; k < 64; k++) if (java.util.Arrays.equals(payload, RtpTestPeer.payload(160, k))) return k;
        return -1;
    }
}
