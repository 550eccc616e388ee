package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.media.rtp.JitterBuffer.Kind;

class JitterBufferTest {
    final byte[] out = new byte[1500];

    @Test
    void reordersBySequence() {
        JitterBuffer jb = JitterBuffer.fixed(3);
        put(jb, 12);
        assertThat(jb.poll(out, 0)).isEqualTo(Kind.WAITING);
        put(jb, 10);
        put(jb, 11);
        put(jb, 14);
        put(jb, 13);
        assertThat(drain(jb, 5)).containsExactly("PACKET 10", "PACKET 11", "PACKET 12", "PACKET 13", "PACKET 14");
    }

    @Test
    void lossIsConcealedByRepeatingThenSilence() {
        JitterBuffer jb = new JitterBuffer(32, 200, 1, 1, 1);
        put(jb, 1);
        put(jb, 5);
        assertThat(drain(jb, 5)).containsExactly("PACKET 1", "REPEAT 1", "LOST", "LOST", "PACKET 5");
        assertThat(jb.lost()).isEqualTo(3);
    }

    @Test
    void latePacketsAndDuplicatesAreDropped() {
        JitterBuffer jb = JitterBuffer.fixed(2);
        put(jb, 100);
        put(jb, 101);
        assertThat(drain(jb, 2)).containsExactly("PACKET 100", "PACKET 101");
        assertThat(put(jb, 100)).isFalse();
        assertThat(put(jb, 102)).isTrue();
        assertThat(put(jb, 102)).isFalse();
        assertThat(jb.late()).isEqualTo(2);
        assertThat(drain(jb, 1)).containsExactly("PACKET 102");
    }

    @Test
    void aPauseInTheSenderLosesNothingWhenItResumes() {
        JitterBuffer jb = JitterBuffer.fixed(1);
        put(jb, 1);
        put(jb, 2);
        assertThat(drain(jb, 6)).containsExactly("PACKET 1", "PACKET 2", "REPEAT 2", "REPEAT 2", "LOST", "WAITING");
        put(jb, 3); // the next talk spurt continues the sequence
        put(jb, 4);
        assertThat(drain(jb, 2)).containsExactly("PACKET 3", "PACKET 4");
        assertThat(jb.late()).isZero();
    }

    @Test
    void sequenceWrapsAround() {
        JitterBuffer jb = JitterBuffer.fixed(2);
        put(jb, 65535);
        put(jb, 0);
        put(jb, 65534);
        put(jb, 1);
        assertThat(drain(jb, 4)).containsExactly("PACKET 65534", "PACKET 65535", "PACKET 0", "PACKET 1");
    }

    @Test
    void aJumpFarAheadRestartsTheBuffer() {
        JitterBuffer jb = JitterBuffer.fixed(1);
        put(jb, 10);
        assertThat(drain(jb, 1)).containsExactly("PACKET 10");
        put(jb, 30000);
        put(jb, 30001);
        assertThat(drain(jb, 2)).containsExactly("PACKET 30000", "PACKET 30001");
    }

    @Test
    void adaptiveDepthGrowsOnLatePackets() {
        JitterBuffer jb = JitterBuffer.adaptive(1, 4);
        put(jb, 1);
        drain(jb, 1);
        drain(jb, 1);          // 2 missing: repeated
        assertThat(put(jb, 2)).isFalse(); // arrives too late
        assertThat(jb.depth()).isEqualTo(2);
    }

    @Test
    void payloadIsCopiedOut() {
        JitterBuffer jb = JitterBuffer.fixed(1);
        jb.put(7, 1120, new byte[] {9, 8, 7}, 0, 3);
        assertThat(jb.poll(out, 5)).isEqualTo(Kind.PACKET);
        assertThat(jb.lastLength()).isEqualTo(3);
        assertThat(jb.lastTimestamp()).isEqualTo(1120);
        assertThat(new byte[] {out[5], out[6], out[7]}).containsExactly(9, 8, 7);
        assertThat(jb.put(8, 0, new byte[2000], 0, 2000)).isFalse();
    }

    private static boolean put(JitterBuffer jb, int seq) {
        return jb.put(seq, seq * 160, new byte[] {(byte) seq, (byte) (seq >> 8)}, 0, 2);
    }

    private List<String> drain(JitterBuffer jb, int n) {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Kind k = jb.poll(out, 0);
            got.add(k == Kind.PACKET || k == Kind.REPEAT ? k + " " + ((out[0] & 0xFF) | (out[1] & 0xFF) << 8) : k.name());
        }
        return got;
    }
}
