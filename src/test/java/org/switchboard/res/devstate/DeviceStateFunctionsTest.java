package org.switchboard.res.devstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.ChannelTech;
import org.switchboard.res.cli.CliDispatcher;
import org.switchboard.testing.TestPbx;

/**
 * DEVICE_STATE, EXTENSION_STATE and HINT (func_devstate.c, func_extstate.c) over Local and
 * Custom: devices and extensions.conf hints, {@code core show hints} and {@code devstate}, and
 * what bad arguments do.
 */
class DeviceStateFunctionsTest {
    private static final String DIALPLAN = """
            [default]
            exten => 100,hint,Custom:lamp
            exten => 100,1,Answer()

            [phones]
            exten => 200,hint,Local/200@desks&Custom:desk200
            exten => 200,1,Answer()
            exten => 300,hint,Local/300@desks,CustomPresence:300
            exten => _4XX,hint,Custom:lamp${EXTEN}
            exten => 500,1,Answer()

            [desks]
            exten => 200,1,Answer()
            exten => 300,1,Answer()
            """;

    private TestPbx t;

    @BeforeEach
    void start() {
        t = new TestPbx();
        assertThat(t.dialplan(DIALPLAN)).isEmpty();
    }

    @AfterEach
    void stop() { t.close(); }

    private String cli(String line) {
        StringWriter sw = new StringWriter();
        new CliDispatcher(t.pbx).execute(line, new PrintWriter(sw));
        return sw.toString();
    }

    private Channel localCall(String dest, ChannelState state) {
        Channel c = t.pbx.allocChannel("Local/" + dest + "-" + t.pbx.channels().nextSuffix() + ";1", new ChannelTech() {}, null);
        c.setState(state);
        return c;
    }

    @Test
    void customDevicesAreSetReadAndKeptInTheDatabase() {
        assertThat(t.eval("${DEVICE_STATE(Custom:lamp)}")).isEqualTo("UNKNOWN");
        Channel c = t.channel();
        t.pbx.vars().set(c, "DEVICE_STATE(Custom:lamp)", "busy");
        assertThat(t.eval("${DEVICE_STATE(Custom:lamp)} ${DEVICE_STATE(custom:lamp)}")).isEqualTo("BUSY BUSY");
        assertThat(t.eval("${DB(CustomDevstate/lamp)}")).isEqualTo("BUSY");
        assertThat(t.eval("${EXTENSION_STATE(100)} ${EXTENSION_STATE(100@default)}")).isEqualTo("BUSY BUSY");
        assertThat(cli("devstate list")).contains("--- Name: 'Custom:lamp'  State: 'BUSY'");
        assertThat(cli("devstate change Custom:lamp ONHOLD")).isEqualTo("Changing lamp to ONHOLD\n");
        assertThat(t.eval("${EXTENSION_STATE(100)}")).isEqualTo("ONHOLD");
    }

    @Test
    void localDevicesFollowTheirExtensionAndItsChannels() {
        assertThat(t.eval("${DEVICE_STATE(Local/200@desks)} ${DEVICE_STATE(Local/999@desks)} ${DEVICE_STATE(Local/200@desks/n)}"))
                .isEqualTo("NOT_INUSE INVALID NOT_INUSE");
        assertThat(t.eval("${EXTENSION_STATE(200@phones)}")).isEqualTo("NOT_INUSE");
        Channel call = localCall("200@desks", ChannelState.UP);
        assertThat(t.eval("${DEVICE_STATE(Local/200@desks)} ${EXTENSION_STATE(200@phones)}")).isEqualTo("INUSE INUSE");
        // the hint adds up its devices: a ringing one and one in use make RINGINUSE
        t.pbx.vars().set(t.channel(), "DEVICE_STATE(Custom:desk200)", "RINGING");
        assertThat(t.eval("${EXTENSION_STATE(200@phones)}")).isEqualTo("RINGINUSE");
        call.hangup();
        assertThat(t.eval("${EXTENSION_STATE(200@phones)}")).isEqualTo("RINGING");
    }

    @Test
    void hintGivesTheDevicesAndAPatternHintTakesTheExtension() {
        assertThat(t.eval("${HINT(200@phones)}")).isEqualTo("Local/200@desks&Custom:desk200");
        assertThat(t.eval("${HINT(300@phones)}")).isEqualTo("Local/300@desks,CustomPresence:300");
        assertThat(t.eval("${HINT(100)}|${HINT(100,n)}|${HINT(500@phones)}")).isEqualTo("Custom:lamp||");
        assertThat(t.eval("${HINT(412@phones)}")).isEqualTo("Custom:lamp412");
        t.pbx.vars().set(t.channel(), "DEVICE_STATE(Custom:lamp412)", "INUSE");
        assertThat(t.eval("${EXTENSION_STATE(412@phones)}")).isEqualTo("INUSE");
        // no hint: UNKNOWN; a hint whose devices all are invalid: UNAVAILABLE
        assertThat(t.eval("${EXTENSION_STATE(500@phones)} ${EXTENSION_STATE(999@nowhere)}")).isEqualTo("UNKNOWN UNKNOWN");
        assertThat(t.eval("${EXTENSION_STATE(300@phones)}")).isEqualTo("NOT_INUSE");
    }

    @Test
    void coreShowHintsListsEveryHintWithItsState() {
        localCall("300@desks", ChannelState.UP);
        String out = cli("core show hints");
        assertThat(out).startsWith("\n    -= Registered Asterisk Dial Plan Hints =-\n");
        assertThat(out).contains(String.format("%-30.30s: %-60.60s  State:%-15.15s Presence:%-15.15s Watchers %2d%n",
                "300@phones", "Local/300@desks,CustomPresence:300", "InUse", "not_set", 0));
        assertThat(out).contains("100@default").contains("State:Idle").doesNotContain("_4XX");
        assertThat(out).endsWith("----------------\n- 3 hints registered\n");
        t.dialplan("[empty]\n");
        assertThat(cli("core show hints")).isEqualTo("There are no registered dialplan hints\n");
    }

    @Test
    void otherDevicesAreInUseWhileAChannelOfThemLives() {
        assertThat(t.eval("${DEVICE_STATE(Nope/1)} ${DEVICE_STATE(junk)} ${DEVICE_STATE(Queue:sales)}"))
                .isEqualTo("INVALID INVALID INVALID");
    }

    @Test
    void badInputWarnsAndTheDialplanGoesOn() {
        t.log.clear();
        t.runDialplan(DIALPLAN.replace("[desks]", """
                [bad]
                exten => s,1,Set(DEVICE_STATE(SIP/100)=BUSY)
                 same => n,Set(DEVICE_STATE(Custom:)=BUSY)
                 same => n,Set(DEVICE_STATE(Custom:x)=SLEEPY)
                 same => n,Verbose(1,@ [${DEVICE_STATE()}] [${EXTENSION_STATE()}] [${HINT()}] [${DEVICE_STATE(Custom:x)}])
                 same => n,Verbose(1,@ [${DEVICE_STATE(Local/200)}])
                [desks]"""), "Test/bad", "bad", "s");
        assertThat(t.path()).containsExactly("@ [INVALID] [] [] [UNKNOWN]", "@ [INVALID]");
        assertThat(t.said("can only be used to set 'Custom:' device state")).hasSize(1);
        assertThat(t.said("called with no custom device name")).hasSize(1);
        assertThat(t.said("given invalid state value 'SLEEPY'")).hasSize(1);
        assertThat(t.said("DEVICE_STATE requires a device")).hasSize(1);
        assertThat(t.said("EXTENSION_STATE requires an extension")).hasSize(1);
        assertThat(t.said("The HINT function requires an extension")).hasSize(1);
        assertThat(t.said("Local/200 somewhere without a @context")).hasSize(1);
        assertThat(cli("devstate change SIP/100 BUSY")).isEqualTo("The devstate command can only be used to set 'Custom:' device state!\n");
        assertThat(cli("devstate change Custom:x SLEEPY")).startsWith("Usage: devstate change");
    }
}
