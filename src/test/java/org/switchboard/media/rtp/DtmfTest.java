package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4733 events: payload codec, the receiver's begin/end collapsing, and the sender's sequence. */
class DtmfTest {
    final List<String> events = new ArrayList<>();
    final DtmfReceiver rx = new DtmfReceiver(8000, 1000, new DtmfReceiver.Listener() {
        @Override public void begin(char digit) { events.add("begin " + digit); }
        @Override public void end(char digit, int ms) { events.add("end " + digit + " " + ms); }
    });

    @Test
    void payloadRoundTripsAndMapsDigits() {
        byte[] b = new byte[4];
        new TelephoneEvent(11, true, 10, 800).write(b, 0);
        assertThat(b).containsExactly(11, 0x8A, 0x03, 0x20);
        TelephoneEvent e = TelephoneEvent.parse(b, 0, 4);
        assertThat(e).isEqualTo(new TelephoneEvent(11, true, 10, 800));
        assertThat(e.digit()).isEqualTo('#');
        assertThat(TelephoneEvent.parse(b, 0, 3)).isNull();
        assertThat("0123456789*#ABCD".chars().map(c -> TelephoneEvent.eventOf((char) c)).toArray())
            .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(TelephoneEvent.eventOf('d')).isEqualTo(15);
        assertThat(TelephoneEvent.eventOf('x')).isEqualTo(-1);
        assertThat(TelephoneEvent.digitOf(TelephoneEvent.FLASH)).isEqualTo((char) 0);
    }

    @Test
    void updatesAndTripleEndGiveOneBeginAndOneEnd() {
        feed(1000, 5, false, 160, 0);
        feed(1000, 5, false, 320, 20);
        feed(1000, 5, false, 480, 40);
        feed(1000, 5, true, 640, 60);
        feed(1000, 5, true, 640, 61);
        feed(1000, 5, true, 640, 62);
        assertThat(events).containsExactly("begin 5", "end 5 80");
    }

    @Test
    void duplicatedAndReorderedPacketsDoNotRepeatDigits() {
        feed(1000, 1, false, 160, 0);
        feed(1000, 1, false, 160, 1);
        feed(1000, 1, true, 480, 40);
        feed(1000, 1, false, 320, 41); // an update overtaken by the end
        feed(1000, 1, true, 480, 42);
        feed(2000, 1, false, 160, 300); // the same key again: a new press (new timestamp)
        feed(2000, 1, true, 320, 320);
        feed(1000, 1, true, 480, 330);  // a very late end of the first press
        assertThat(events).containsExactly("begin 1", "end 1 60", "begin 1", "end 1 40");
    }

    @Test
    void lostEndPacketsAreRecoveredByTheNextPressOrTheTimeout() {
        feed(1000, 2, false, 160, 0);
        feed(1000, 2, false, 320, 20);  // all its ends lost
        feed(3000, 3, false, 160, 500);
        assertThat(events).containsExactly("begin 2", "end 2 40", "begin 3");
        rx.expire(1000);
        assertThat(rx.active()).isTrue();
        rx.expire(1500);
        assertThat(events).containsExactly("begin 2", "end 2 40", "begin 3", "end 3 20");
        assertThat(rx.active()).isFalse();
    }

    @Test
    void onlyTheEndArrivingStillGivesBothEdges() {
        feed(4000, 10, true, 800, 0);
        feed(4000, 10, true, 800, 1);
        assertThat(events).containsExactly("begin *", "end * 100");
    }

    @Test
    void senderProducesUpdatesThenThreeEnds() {
        DtmfSender tx = new DtmfSender(8000, 20, 10);
        tx.start('9', 100, 12345);
        List<TelephoneEvent> sent = new ArrayList<>();
        List<Boolean> markers = new ArrayList<>();
        byte[] b = new byte[4];
        while (tx.hasNext()) {
            markers.add(tx.marker());
            assertThat(tx.next(b, 0)).isTrue();
            sent.add(TelephoneEvent.parse(b, 0, 4));
        }
        assertThat(tx.next(b, 0)).isFalse();
        assertThat(tx.timestamp()).isEqualTo(12345);
        assertThat(tx.durationUnits()).isEqualTo(800);
        assertThat(sent).extracting(TelephoneEvent::duration).containsExactly(160, 320, 480, 640, 800, 800, 800);
        assertThat(sent).extracting(TelephoneEvent::end).containsExactly(false, false, false, false, true, true, true);
        assertThat(sent).allMatch(e -> e.event() == 9 && e.volume() == 10);
        assertThat(markers).containsExactly(true, false, false, false, false, false, false);
        assertThatThrownBy(() -> tx.start('x', 100, 0)).hasMessageContaining("not a DTMF digit");
    }

    @Test
    void senderThroughLossyLinkToReceiver() {
        DtmfSender tx = new DtmfSender(8000, 20, 10);
        byte[] b = new byte[4];
        int ts = 0;
        long now = 0;
        for (char d : "12#".toCharArray()) {
            tx.start(d, 120, ts);
            int k = 0;
            while (tx.next(b, 0)) {
                if (k++ % 2 == 1) continue; // every other packet lost, including two of the ends
                rx.onPacket(tx.timestamp(), TelephoneEvent.parse(b, 0, 4), now += 20);
            }
            ts += tx.durationUnits() + 800;
        }
        assertThat(events).containsExactly("begin 1", "end 1 120", "begin 2", "end 2 120", "begin #", "end # 120");
    }

    private void feed(int ts, int event, boolean end, int duration, long now) {
        rx.onPacket(ts, new TelephoneEvent(event, end, 10, duration), now);
    }
}
