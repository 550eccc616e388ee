package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.HangupCause;
import org.switchboard.testing.TestPbx;

/** func_channel: CHANNEL(item) for what our Channel knows. */
class ChannelFunctionTest {
    private final TestPbx pbx = new TestPbx();
    private final Channel chan = pbx.channel("SIP/alice");
    private final ChannelFunction f = new ChannelFunction();

    @BeforeEach
    void forgetStartupLog() { pbx.log.clear(); }

    @AfterEach
    void close() { pbx.close(); }

    @Test
    void readsTheChannelsFacts() {
        chan.setLocation("phones", "100", 1);
        assertThat(f.read(chan, "name")).isEqualTo(chan.name()).startsWith("SIP/alice-");
        assertThat(f.read(chan, "channame")).isEqualTo(chan.name());
        assertThat(f.read(chan, "channeltype")).isEqualTo("SIP");
        assertThat(f.read(chan, "state")).isEqualTo("Down");
        chan.setState(ChannelState.RINGING);
        assertThat(f.read(chan, "state")).isEqualTo("Ringing");
        chan.setState(ChannelState.UP);
        assertThat(f.read(chan, "STATE")).isEqualTo("Up");
        assertThat(f.read(chan, "uniqueid")).isEqualTo(chan.uniqueId());
        assertThat(f.read(chan, "linkedid")).isEqualTo(chan.uniqueId());
        chan.setLinkedId("1700000000.1");
        assertThat(f.read(chan, "linkedid")).isEqualTo("1700000000.1");
        assertThat(f.read(chan, "context")).isEqualTo("phones");
        assertThat(f.read(chan, "exten")).isEqualTo("100");
        assertThat(f.read(chan, "language")).isEqualTo("en");
        assertThat(f.read(chan, "accountcode")).isEmpty();
        assertThat(f.read(chan, "checkhangup")).isEqualTo("0");
        assertThat(f.read(chan, "peer")).isEmpty();
        Channel bob = pbx.channel("SIP/bob");
        chan.setBridgedPeer(bob);
        assertThat(f.read(chan, "peer")).isEqualTo(bob.name());
        chan.softHangup(HangupCause.NORMAL_CLEARING);
        assertThat(f.read(chan, "checkhangup")).isEqualTo("1");
        assertThat(pbx.logLines("WARNING")).isEmpty();
    }

    @Test
    void languageAndAccountCodeCanBeSet() {
        assertThat(f.writable()).isTrue();
        f.write(chan, "language", "de");
        f.write(chan, "accountcode", "sales");
        assertThat(chan.language()).isEqualTo("de");
        assertThat(chan.accountCode()).isEqualTo("sales");
        assertThat(f.read(chan, "language")).isEqualTo("de");
        assertThat(f.read(chan, "accountcode")).isEqualTo("sales");
    }

    @Test
    void unknownItemsAreLoggedAndEmpty() {
        assertThat(f.read(chan, "rtpqos")).isEmpty();
        assertThat(f.read(chan, "")).isEmpty();
        f.write(chan, "state", "Up");
        assertThat(pbx.logLines("Unknown or unavailable item requested: 'rtpqos'")).hasSize(1);
        assertThat(pbx.logLines("Unknown or unavailable item requested: ''")).hasSize(1);
        assertThat(pbx.logLines("Unknown or unavailable item requested: 'state'")).hasSize(1);
        assertThat(pbx.logLines("func_channel.c")).hasSize(3);
        assertThat(chan.state()).isEqualTo(ChannelState.DOWN);
    }

    @Test
    void withoutAChannelItWarns() {
        assertThat(f.read(null, "name")).isEmpty();
        assertThat(pbx.logLines("No channel was provided to CHANNEL function.")).hasSize(1);
        assertThat(pbx.moduleOfFunction("CHANNEL")).isEqualTo("func_channel");
    }
}
