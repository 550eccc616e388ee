package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/** Two technologies on one scheme (chan_skype and res_xmpp on xmpp:): the one that claims the sender sends. */
class MessageTechsTest {
    /** A technology that claims the senders it is given. */
    private record Tech(String name, List<String> senders) implements MessageTech {
        @Override public List<String> schemes() { return List.of("xmpp"); }
        @Override public boolean claims(Channel c, TextMessage m, String from) { return senders.contains(from); }
        @Override public Status send(Channel c, TextMessage m, String destination, String from) { return Status.SUCCESS; }
    }

    @Test
    void theClaimantSendsElseTheFirstLoaded() {
        try (TestPbx pbx = new TestPbx()) {
            MessageTechs techs = new MessageTechs();
            Tech skype = new Tech("skype", List.of("lmentinc"));
            Tech xmpp = new Tech("xmpp", List.of("asterisk"));
            techs.register(skype);
            techs.register(xmpp);
            Channel c = pbx.channel();
            TextMessage m = new TextMessage("hi", "", "", null);
            assertThat(techs.forSend(c, "XMPP", m, "asterisk")).isSameAs(xmpp);
            assertThat(techs.forSend(c, "xmpp", m, "lmentinc")).isSameAs(skype);
            assertThat(techs.forSend(c, "xmpp", m, "")).isSameAs(skype);
            assertThat(techs.forSend(c, "sip", m, "asterisk")).isNull();
            techs.unregister(skype);
            assertThat(techs.forSend(c, "xmpp", m, "lmentinc")).isSameAs(xmpp);
            assertThat(techs.forScheme("xmpp")).isSameAs(xmpp);
        }
    }
}
