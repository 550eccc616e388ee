package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.PJSIPNotifyAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.SipPbxFixture;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;

/** PJSIPNotify: a NOTIFY with the Event and body asked for reaches an endpoint's contact or a URI; bad requests are errors. */
class AmiPjsipNotifyTest {
    private static String pjsip(int phonePort) {
        return """
            [transport-udp]
            type=transport
            protocol=udp
            bind=127.0.0.1:0

            [desk]
            type=endpoint
            aors=desk

            [desk]
            type=aor
            contact=sip:desk@127.0.0.1:%d
            """.formatted(phonePort);
    }

    /** The next NOTIFY to {@code user} (retransmissions of an earlier one to another user skipped). */
    private static String nextNotify(RawPeer phone, String user) throws Exception {
        for (String m; (m = phone.receive(Duration.ofSeconds(5))) != null; ) if (m.startsWith("NOTIFY sip:" + user + "@")) return m;
        throw new AssertionError("no NOTIFY within 5 s");
    }

    @Test
    void notifyAnEndpointAndAUri() throws Exception {
        try (RawPeer phone = new RawPeer();
             ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, "[test]\n",
                 Map.of("pjsip.conf", pjsip(phone.port()), "modules.conf", "[modules]\nautoload=yes\nnoload => chan_skype\n"));
             AmiTestClient raw = fx.loggedIn()) {
            raw.send("Action: PJSIPNotify", "ActionID: n-1", "Endpoint: desk", "Variable: Event=check-sync",
                "Variable: Content-Type=text/plain", "Variable: Content=line one", "Variable: Content=line two");
            assertThat(raw.readResponse()).containsEntry("Response", "Success").containsEntry("Message", "NOTIFY sent");
            String n = nextNotify(phone, "desk");
            assertThat(n).startsWith("NOTIFY sip:desk@127.0.0.1:" + phone.port() + " SIP/2.0\r\n")
                .contains("\r\nEvent: check-sync\r\n").contains("\r\nContent-Type: text/plain\r\n")
                .contains("\r\nSubscription-State: terminated\r\n").contains("\r\nContent-Length: 20\r\n\r\nline one\r\nline two");

            ManagerConnection c = new ManagerConnectionFactory("127.0.0.1", fx.port(), ManagerFixture.USER, ManagerFixture.SECRET)
                .createManagerConnection();
            c.login();
            try {
                PJSIPNotifyAction a = new PJSIPNotifyAction();
                a.setUri("sip:other@127.0.0.1:" + phone.port());
                Map<String, String> vars = new LinkedHashMap<>();
                vars.put("Event", "resync");
                a.setVariables(vars);
                ManagerResponse r = c.sendAction(a, 10_000);
                assertThat(r.getResponse()).isEqualTo("Success");
                assertThat(nextNotify(phone, "other")).startsWith("NOTIFY sip:other@127.0.0.1:" + phone.port() + " SIP/2.0\r\n")
                    .contains("\r\nEvent: resync\r\n");
            } finally {
                c.logoff();
            }

            raw.send("Action: PJSIPNotify", "ActionID: n-2", "Variable: Event=x");
            assertThat(raw.readResponse()).containsEntry("Response", "Error")
                .containsEntry("Message", "PJSIPNotify requires either an endpoint name or a SIP URI.");
            raw.send("Action: PJSIPNotify", "ActionID: n-3", "Endpoint: desk", "URI: sip:a@127.0.0.1", "Variable: Event=x");
            assertThat(raw.readResponse()).containsEntry("Response", "Error")
                .containsEntry("Message", "PJSIPNotify action can not handle both an endpoint name and a SIP URI.");
            raw.send("Action: PJSIPNotify", "ActionID: n-4", "Endpoint: nobody", "Variable: Event=x");
            assertThat(raw.readResponse()).containsEntry("Message", "Unable to retrieve endpoint nobody");
            raw.send("Action: PJSIPNotify", "ActionID: n-5", "Endpoint: desk");
            assertThat(raw.readResponse()).containsEntry("Response", "Error")
                .containsEntry("Message", "PJSIPNotify requires an Event variable (Variable: Event=check-sync)");
            raw.send("Action: PJSIPNotify", "ActionID: n-6", "Endpoint: desk", "Variable: Bad Header=1");
            assertThat(raw.readResponse()).containsEntry("Response", "Error").containsEntry("Message",
                "Bad variable 'Bad Header=1': name=value, the name a SIP header name");
        }
    }
}
