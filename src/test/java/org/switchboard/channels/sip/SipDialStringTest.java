package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.call.SipInfoDtmf;

/** The text after SIP/ in a dial string, chan_sip's forms, and what is refused. */
class SipDialStringTest {
    @Test
    void chanSipForms() {
        assertThat(SipDialString.parse("0000FFFF0001")).isEqualTo(new SipDialString(null, "0000FFFF0001", -1));
        assertThat(SipDialString.parse("trunk/5551234")).isEqualTo(new SipDialString("5551234", "trunk", -1));
        assertThat(SipDialString.parse("5551234@trunk")).isEqualTo(new SipDialString("5551234", "trunk", -1));
        assertThat(SipDialString.parse("bob@127.0.0.1:5070")).isEqualTo(new SipDialString("bob", "127.0.0.1", 5070));
        assertThat(SipDialString.parse("[2001:db8::1]:5062")).isEqualTo(new SipDialString(null, "[2001:db8::1]", 5062));
    }

    @Test
    void badInputSaysWhy() {
        assertThatThrownBy(() -> SipDialString.parse("")).hasMessageContaining("names no peer or host");
        assertThatThrownBy(() -> SipDialString.parse("bob@host:99999")).hasMessageContaining("bad port '99999'");
        assertThatThrownBy(() -> SipDialString.parse("bob@host:x")).hasMessageContaining("bad port 'x'");
        assertThatThrownBy(() -> SipDialString.parse("bad host")).hasMessageContaining("bad peer or host");
        assertThatThrownBy(() -> SipDialString.parse("trunk/a<b")).hasMessageContaining("bad extension");
    }

    @Test
    void infoDtmfBodies() {
        assertThat(SipInfoDtmf.digit("Signal=5\r\nDuration=160\r\n", true)).isEqualTo('5');
        assertThat(SipInfoDtmf.duration("Signal=5\r\nDuration=160\r\n")).isEqualTo(160);
        assertThat(SipInfoDtmf.digit("Signal=11\r\n", true)).isEqualTo('#'); // an RFC 4733 event number
        assertThat(SipInfoDtmf.digit("*", false)).isEqualTo('*');
        assertThat(SipInfoDtmf.duration("Signal=1\n")).isEqualTo(250); // none given: chan_sip's 250 ms
        // garbage: no digit (the INFO is answered 400), durations out of range are bounded
        assertThat(SipInfoDtmf.digit("Signal=<script>\r\n", true)).isEqualTo((char) 0);
        assertThat(SipInfoDtmf.digit("Signal=99\r\n", true)).isEqualTo((char) 0);
        assertThat(SipInfoDtmf.digit("", false)).isEqualTo((char) 0);
        assertThat(SipInfoDtmf.duration("Duration=-5\r\n")).isEqualTo(250);
        assertThat(SipInfoDtmf.duration("Duration=1\r\n")).isEqualTo(40);
    }
}
