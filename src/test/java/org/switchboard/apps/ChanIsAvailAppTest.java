package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/** ChanIsAvail: the four variables for available, unknown and busy devices; the channels it makes are gone afterwards. */
class ChanIsAvailAppTest {
    private TestPbx t;

    @BeforeEach
    void start() { t = new TestPbx(); }

    @AfterEach
    void stop() { t.close(); }

    private String check(String args) {
        Channel c = t.runDialplan("""
                [ctx]
                exten => s,1,ChanIsAvail(%s)
                 same => n,Verbose(1,@[${AVAILCHAN}] [${AVAILORIGCHAN}] [${AVAILSTATUS}] [${AVAILCAUSECODE}])
                [dest]
                exten => 100,1,Answer()
                exten => 200,1,Answer()
                """.formatted(args), "Test/avail", "ctx", "s");
        assertThat(c.isDestroyed()).isTrue();
        assertThat(t.pbx.channels().count()).as("the channels made for the check were hung up").isZero();
        return t.path().get(t.path().size() - 1);
    }

    @Test
    void theFirstAvailableDeviceIsKept() {
        assertThat(check("Local/100@dest&Local/200@dest")).matches(
                "@\\[Local/100@dest-[0-9a-f]{8};1\\] \\[Local/100@dest\\] \\[0\\] \\[0\\]");
    }

    @Test
    void theAOptionChecksEveryDevice() {
        assertThat(check("Nope/1&Local/100@dest&Local/200@dest,a")).matches(
                "@\\[Local/100@dest-[0-9a-f]{8};1&Local/200@dest-[0-9a-f]{8};1\\] \\[Local/100@dest&Local/200@dest\\] \\[0&0&0\\] \\[0&0\\]");
    }

    @Test
    void anUnknownTechnologyIsInvalidWithSAndTextWithoutASlashIsWarned() {
        assertThat(check("Nope/1&junk,s")).isEqualTo("@[] [] [4&4] []");
        assertThat(t.said("Invalid ChanIsAvail technology/resource argument: 'junk'")).hasSize(1);
    }

    @Test
    void aDeviceInUseIsSkippedWithSOrT() {
        Channel busy = t.pbx.allocChannel("Local/100@dest-000000ff;1", new org.switchboard.core.ChannelTech() {}, null);
        try {
            Channel c = t.runDialplan("""
                    [ctx]
                    exten => s,1,ChanIsAvail(Local/100@dest&Local/200@dest,s)
                     same => n,Verbose(1,@s [${AVAILORIGCHAN}] [${AVAILSTATUS}])
                     same => n,ChanIsAvail(Local/100@dest,t)
                     same => n,Verbose(1,@t [${AVAILORIGCHAN}] [${AVAILSTATUS}])
                    [dest]
                    exten => 100,1,Answer()
                    exten => 200,1,Answer()
                    """, "Test/avail", "ctx", "s");
            assertThat(c.isDestroyed()).isTrue();
            assertThat(t.path()).containsExactly("@s [Local/200@dest] [2&1]", "@t [] [2]");
        } finally {
            busy.hangup();
        }
    }
}
