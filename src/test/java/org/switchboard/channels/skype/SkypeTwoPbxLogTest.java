package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;

/**
 * Two PBXs with a Skype account each in one JVM, on one XMPP network: what the login thread and
 * Smack's own threads (a stanza our listener handles) log reaches the sinks of the account's PBX
 * only.
 */
class SkypeTwoPbxLogTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final SkypeTestNetwork net = SkypeTestNetwork.shared();

    private SkypeTestPbx pbx(String account) {
        return new SkypeTestPbx(net.confDir("chan_skype.conf", net.chanSkypeConf("[" + account + "]\nsecret="
                + SkypeTestNetwork.ACCOUNTS.get(account) + "\ncontext=skype-incoming\n"), "extensions.conf", "[general]\n"));
    }

    private static void assertOnlyIn(List<String> own, List<String> other, String fragment) {
        await().atMost(WAIT).until(() -> own.stream().anyMatch(l -> l.contains(fragment)));
        assertThat(other).noneMatch(l -> l.contains(fragment));
    }

    @Test
    void eachAccountsLoginAndBouncedChatAreLoggedByItsOwnPbxOnly() {
        List<String> onlyA = new CopyOnWriteArrayList<>();
        List<String> onlyB = new CopyOnWriteArrayList<>();
        try (SkypeTestPbx a = pbx("lmentinc"); SkypeTestPbx b = pbx("helpdesk")) {
            a.pbx.log().addSink(l -> onlyA.add(l.text()));
            b.pbx.log().addSink(l -> onlyB.add(l.text()));
            a.loggedIn("lmentinc");
            b.loggedIn("helpdesk");
            // the login thread's line (written before the sinks above could be added) went to its own PBX's log:
            // the reconnect loop is that PBX's thread, and logging in again writes the line again
            b.account("helpdesk").connection().disconnect();
            assertOnlyIn(onlyB, onlyA, "Skype account 'helpdesk' logged in");

            // the network refuses a chat message to a user it does not have; Smack hands the error to our listener on its thread
            Channel c = a.channel();
            a.pbx.execute(c, "SkypeChatSend", "lmentinc,ghost-of-nobody,are you there");
            assertOnlyIn(onlyA, onlyB, "message to ghost-of-nobody@" + SkypeTestNetwork.DOMAIN);
        }
    }
}
