package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.StunResponder;

/**
 * XEP-0215: the account asks its XMPP server (Prosody's mod_external_services) which STUN server to
 * use and gathers through it for its calls, with no stunaddr in chan_skype.conf; a server without
 * the service costs a verbose line and calls go on with host candidates.
 */
class SkypeExternalStunTest {
    static final Duration T = Duration.ofSeconds(20);
    static final String DIALPLAN = """
        [test]
        exten => call,1,Dial(Skype/vuc.me,10,g)
         same => n,Set(RESULT=${DIALSTATUS})
        """;

    @Test
    void theStunServerTheXmppServerNamesIsAskedWhenACallGathers() throws Exception {
        try (StunResponder stun = new StunResponder();
             SkypeTestNetwork net = SkypeTestNetwork.create(false, -1, stun.port());
             SkypeTestPbx pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc(""), "extensions.conf", DIALPLAN))) {
            pbx.loggedIn("lmentinc");
            await().atMost(T).until(() -> !pbx.logLines("STUN server 127.0.0.1:" + stun.port() + " from the XMPP server").isEmpty());
            try (SkypeTestBuddy vuc = net.buddy("vuc.me")) {
                await().atMost(T).until(() -> pbx.account("lmentinc").buddyStatus(net.jid("vuc.me")).equals("Online"));
                vuc.callMode("answer");
                pbx.run("test", "call");
                vuc.awaitReport("call-state connection connected", T);
                assertThat(stun.askedBy).as("the PBX's Binding requests (RFC 8489)").isNotEmpty();
                vuc.hangup();
                await().atMost(T).until(() -> !pbx.varSets("RESULT").isEmpty());
                assertThat(pbx.varSets("RESULT")).containsExactly("ANSWER");
            }
        }
    }

    @Test
    void aServerWithoutTheServiceIsAVerboseLineAndCallsNeedNoStun() {
        SkypeTestNetwork net = SkypeTestNetwork.shared();
        try (SkypeTestPbx pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc(""), "extensions.conf", DIALPLAN))) {
            pbx.loggedIn("lmentinc");
            await().atMost(T).until(() -> !pbx.logLines("the server offers no STUN service (XEP-0215: service-unavailable)").isEmpty());
            assertThat(pbx.logLines("WARNING")).noneMatch(l -> l.contains("STUN"));
        }
    }
}
