package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;

/** The server goes away and comes back: the account logs in again by itself and no message after that is lost. */
class SkypeRestartTest {
    static final Duration T = Duration.ofSeconds(20);

    @Test
    void prosodyStoppedAndRestarted() {
        try (SkypeTestNetwork net = SkypeTestNetwork.create(false);
             SkypeTestPbx pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc(""), "extensions.conf", "[general]\n"));
             SkypeTestBuddy tfot = net.buddy("tfot.madsen")) {
            pbx.loggedIn("lmentinc");
            net.stop();
            await().atMost(T).until(() -> !pbx.account("lmentinc").isLoggedIn());
            assertThat(pbx.events("SkypeAccountStatus")).extracting(e -> e.get("Status")).containsExactly("Logged In", "Logged Out");
            assertThat(pbx.logLines("Skype account 'lmentinc' lost the connection")).hasSize(1);
            Channel c = pbx.channel();
            pbx.pbx.execute(c, "SkypeChatSend", "lmentinc,tfot.madsen,while down");
            assertThat(c.getVar("SKYPECHATSTATUS")).isEqualTo("FAILURE");

            net.start();
            pbx.loggedIn("lmentinc");
            assertThat(pbx.events("SkypeAccountStatus")).extracting(e -> e.get("Status"))
                    .containsExactly("Logged In", "Logged Out", "Logged In");
            await().atMost(T).until(() -> tfot.count(l -> l.equals("ready")) == 2);
            await().atMost(T).until(() -> pbx.account("lmentinc").buddyStatus("tfot.madsen@skype.example").equals("Online"));

            pbx.pbx.execute(c, "SkypeChatSend", "lmentinc,tfot.madsen,after restart");
            assertThat(c.getVar("SKYPECHATSTATUS")).isEqualTo("SUCCESS");
            assertThat(tfot.nextMessage(T).body()).isEqualTo("after restart");
            tfot.send("lmentinc@skype.example", "reply after restart");
            assertThat(pbx.pbx.substitute(c, "${SKYPE_CHAT_RECEIVE(lmentinc,10)}")).isEqualTo("reply after restart");
        }
    }
}
