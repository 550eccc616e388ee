package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/** func_hangupcause: what the channels a caller dialed said as they ended, and bad arguments. */
class HangupCauseFunctionTest {
    private final TestPbx pbx = new TestPbx();
    private final Channel caller = pbx.channel("SIP/alice");

    @AfterEach
    void close() { pbx.close(); }

    @Test
    void keysAndCausesOfDialedChannels() {
        assertThat(pbx.eval(caller, "${HANGUPCAUSE_KEYS()}")).isEmpty();
        caller.putDialedCause("SIP/bob-00000002", "SIP 486 Busy Here", 17);
        caller.putDialedCause("SIP/carol-00000003", "SIP 503 Service Unavailable", 34);
        assertThat(pbx.eval(caller, "${HANGUPCAUSE_KEYS()}")).isEqualTo("SIP/bob-00000002,SIP/carol-00000003");
        assertThat(pbx.eval(caller, "${HANGUPCAUSE(SIP/bob-00000002,tech)}")).isEqualTo("SIP 486 Busy Here");
        assertThat(pbx.eval(caller, "${HANGUPCAUSE(SIP/carol-00000003,ast)}")).isEqualTo("34");
        assertThat(pbx.eval(caller, "${HANGUPCAUSE(SIP/nobody-00000009,ast)}")).isEmpty();
    }

    @Test
    void badArgumentsWarnAndGiveNothing() {
        pbx.log.clear();
        assertThat(pbx.eval(caller, "${HANGUPCAUSE(SIP/bob-00000002)}")).isEmpty();
        assertThat(pbx.eval(caller, "${HANGUPCAUSE(SIP/bob-00000002,colour)}")).isEmpty();
        assertThat(pbx.logLines("HANGUPCAUSE requires a channel name and a type")).hasSize(1);
        assertThat(pbx.logLines("Unrecognized hangupcause type 'colour'")).isEmpty(); // no such channel: nothing to type
        caller.putDialedCause("SIP/bob-00000002", "SIP 486 Busy Here", 17);
        assertThat(pbx.eval(caller, "${HANGUPCAUSE(SIP/bob-00000002,colour)}")).isEmpty();
        assertThat(pbx.logLines("Unrecognized hangupcause type 'colour'")).hasSize(1);
    }
}
