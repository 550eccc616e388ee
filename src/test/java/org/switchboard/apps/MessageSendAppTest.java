package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.message.MessageTech;
import org.switchboard.core.message.MessageTechs;
import org.switchboard.core.message.TextMessage;
import org.switchboard.testing.TestPbx;

/**
 * MESSAGE() and MessageSend are the core's, as in Asterisk: a technology registers the schemes it
 * sends to, and MessageSend picks it by the destination's scheme.
 */
class MessageSendAppTest {
    private static final String DIALPLAN = """
            [m]
            exten => s,1,Set(MESSAGE(body)=lunch at one?)
             same => n,MessageSend(${DEST},${FROM},${TO})
             same => n,Set(GLOBAL(STATUS)=${MESSAGE_SEND_STATUS})
             same => n,Set(GLOBAL(BODY)=${MESSAGE(body)})
            """;

    private record Sent(String destination, String from, String to, String body) {}

    private static String run(TestPbx t, String dest, String from, String to) {
        Channel c = t.channel("Test/m");
        c.setVar("DEST", dest);
        c.setVar("FROM", from);
        c.setVar("TO", to);
        c.setLocation("m", "s", 1);
        t.dialplan(DIALPLAN);
        t.pbx.runPbx(c);
        return t.pbx.globals().get("STATUS");
    }

    @Test
    void aDestinationGoesToTheTechnologyOfItsScheme() {
        List<Sent> sent = new CopyOnWriteArrayList<>();
        MessageTech chat = new MessageTech() {
            @Override public List<String> schemes() { return List.of("chat"); }
            @Override public Status send(Channel c, TextMessage m, String destination, String from) {
                if (!destination.contains("@")) return Status.INVALID_URI;
                sent.add(new Sent(destination, from, m.to, m.body));
                return Status.SUCCESS;
            }
        };
        try (TestPbx t = new TestPbx()) {
            MessageTechs.of(t.pbx).register(chat);
            assertThat(run(t, "chat:bob@example.org", "desk", "chat:room@example.org")).isEqualTo("SUCCESS");
            assertThat(sent).containsExactly(new Sent("bob@example.org", "desk", "chat:room@example.org", "lunch at one?"));
            assertThat(t.pbx.globals().get("BODY")).isEqualTo("lunch at one?");
            assertThat(run(t, "CHAT:bob", "", "")).as("scheme case-insensitive; the tech refuses the address").isEqualTo("INVALID_URI");

            MessageTechs.of(t.pbx).unregister(chat);
            assertThat(run(t, "chat:bob@example.org", "", "")).isEqualTo("INVALID_PROTOCOL");
        }
    }

    @Test
    void aSchemeNoLoadedTechnologySendsIsInvalidProtocolWithAWarning() {
        try (TestPbx t = new TestPbx()) { // no chan_skype.conf: skype: is not loaded either
            assertThat(run(t, "skype:bob", "", "")).isEqualTo("INVALID_PROTOCOL");
            assertThat(run(t, "no-scheme-at-all", "", "")).isEqualTo("INVALID_PROTOCOL");
            assertThat(t.logLines("MessageSend: no message technology 'skype' loaded")).isNotEmpty();
            assertThat(t.logLines("MessageSend: no message technology 'no-scheme-at-all' loaded")).isNotEmpty();
        }
    }
}
