package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;

/** chat_context: messages nobody waits for run the dialplan on a Message channel; MESSAGE() and MessageSend reply. */
class SkypeMessageRoutingTest {
    static final Duration T = Duration.ofSeconds(10);
    SkypeTestNetwork net = SkypeTestNetwork.shared();
    SkypeTestPbx pbx;
    SkypeTestBuddy tfot;

    @BeforeEach
    void up() {
        pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc("chat_context=chatbot"), "extensions.conf", """
                [general]
                [chatbot]
                exten => tfot.madsen,1,Set(MESSAGE(body)=You said: ${MESSAGE(body)} (from ${MESSAGE(from)} to ${MESSAGE(to)}))
                 same => n,MessageSend(skype:tfot.madsen,lmentinc)
                 same => n,Set(SENT=${MESSAGE_SEND_STATUS})
                 same => n,Hangup()
                exten => s,1,Set(MESSAGE(body)=Hello ${SKYPECHATSENDER}, this is the help desk)
                 same => n,MessageSend(${MESSAGE(from)})
                 same => n,Set(SENT=${MESSAGE_SEND_STATUS})
                """));
        pbx.loggedIn("lmentinc");
        tfot = net.buddy("tfot.madsen");
    }

    @AfterEach
    void down() {
        tfot.close();
        pbx.close();
    }

    @Test
    void aMessageNobodyWaitsForRunsTheSendersExtensionAndReplies() {
        tfot.send("lmentinc@skype.example", "hi there, bot");
        assertThat(tfot.nextMessage(T).body())
                .isEqualTo("You said: hi there, bot (from skype:tfot.madsen@skype.example to skype:lmentinc)");
        await().atMost(T).until(() -> pbx.varSets("SENT").contains("SUCCESS"));
        assertThat(pbx.logLines("Executing [tfot.madsen@chatbot:1]")).hasSize(1);
        assertThat(pbx.events("Newchannel")).anyMatch(e -> e.get("Channel").startsWith("Message/ast_msg_queue"));
    }

    @Test
    void anUnknownSenderGoesToSAndIsAnsweredAtMessageFrom() {
        try (SkypeTestBuddy vuc = net.buddy("vuc.me")) {
            vuc.send("lmentinc@skype.example", "hello?");
            assertThat(vuc.nextMessage(T).body()).isEqualTo("Hello vuc.me, this is the help desk");
            assertThat(pbx.logLines("Executing [s@chatbot:1]")).hasSize(1);
        }
    }

    @Test
    void aWaitingReceiveTakesTheMessageBeforeTheRouter() {
        Channel c = pbx.channel();
        Thread waiter = Thread.ofVirtual().start(() -> c.setVar("GOT", pbx.pbx.substitute(c, "${SKYPE_CHAT_RECEIVE(lmentinc,10)}")));
        await().atMost(T).until(() -> pbx.account("lmentinc").inbox().waiting() == 1);
        tfot.send("lmentinc@skype.example", "for the waiter");
        await().atMost(T).until(() -> !waiter.isAlive());
        assertThat(c.getVar("GOT")).isEqualTo("for the waiter");
        assertThat(pbx.logLines("@chatbot:1]")).isEmpty();
    }
}
