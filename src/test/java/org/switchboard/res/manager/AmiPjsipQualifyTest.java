package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.ContactStatusEvent;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.pjsip.PjsipModule;
import org.switchboard.channels.sip.SipPbxFixture;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;

/**
 * qualify_frequency and PJSIPQualify: a contact that answers OPTIONS is Reachable, one whose TCP
 * connection is refused Unreachable; asterisk-java reads the ContactStatus events, and
 * PJSIPShowContacts, PJSIPShowEndpoint and {@code pjsip show contacts} show the status.
 */
class AmiPjsipQualifyTest {
    private static String pjsip(int phonePort) {
        return """
            [transport-udp]
            type=transport
            protocol=udp
            bind=127.0.0.1:0

            [transport-tcp]
            type=transport
            protocol=tcp
            bind=127.0.0.1:0

            [desk]
            type=endpoint
            aors=desk
            allow=ulaw

            [desk]
            type=aor
            contact=sip:desk@127.0.0.1:%d
            qualify_frequency=60

            [gone]
            type=endpoint
            aors=gone

            [gone]
            type=aor
            contact=sip:gone@127.0.0.1:1\\;transport=tcp
            """.formatted(phonePort);
    }

    @Test
    void contactStatusFollowsTheOptionsAnswers() throws Exception {
        try (RawPeer phone = new RawPeer();
             ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, "[test]\n",
                 Map.of("pjsip.conf", pjsip(phone.port()), "modules.conf", "[modules]\nautoload=yes\nnoload => chan_skype\n"));
             AmiTestClient raw = fx.loggedIn()) {
            ManagerConnection c = new ManagerConnectionFactory("127.0.0.1", fx.port(), ManagerFixture.USER, ManagerFixture.SECRET)
                .createManagerConnection();
            List<ContactStatusEvent> statuses = new CopyOnWriteArrayList<>();
            c.addEventListener(e -> { if (e instanceof ContactStatusEvent s) statuses.add(s); });
            c.login();
            try {
                int pbxPort = PjsipModule.get(fx.test.pbx).stack().udpAddress().getPort();
                // qualify_frequency=60: the first OPTIONS goes out within the first scan
                String options = phone.receive(Duration.ofSeconds(5));
                assertThat(options).startsWith("OPTIONS sip:desk@127.0.0.1:" + phone.port() + " SIP/2.0\r\n");
                phone.send(pbxPort, SipPbxFixture.respond(options, 200, "OK", "q1", ""));
                await().atMost(Duration.ofSeconds(5)).until(() -> !statuses.isEmpty());
                ContactStatusEvent up = statuses.get(0);
                assertThat(up.getContactStatus()).isEqualTo("Reachable");
                assertThat(up.getAor()).isEqualTo("desk");
                assertThat(up.getEndpointName()).isEqualTo("desk");
                assertThat(up.getUri()).isEqualTo("sip:desk@127.0.0.1:" + phone.port());
                assertThat(Long.parseLong(up.getRoundtripUsec())).isPositive();

                raw.send("Action: PJSIPQualify", "ActionID: q-1", "Endpoint: gone");
                assertThat(raw.readResponse()).containsEntry("Response", "Success").containsEntry("Message", "Endpoint found, will qualify");
                // nobody listens on TCP port 1: the connection is refused, the contact Unreachable
                await().atMost(Duration.ofSeconds(10)).until(() -> statuses.stream().anyMatch(s -> "gone".equals(s.getAor())));
                assertThat(statuses).filteredOn(s -> "gone".equals(s.getAor())).singleElement()
                    .satisfies(s -> assertThat(s.getContactStatus()).isEqualTo("Unreachable"));
                raw.send("Action: PJSIPQualify", "ActionID: q-2", "Endpoint: nobody");
                assertThat(raw.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "Unable to retrieve endpoint nobody");
                raw.send("Action: PJSIPQualify", "ActionID: q-3");
                assertThat(raw.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "Endpoint parameter missing.");

                raw.send("Action: PJSIPShowContacts", "ActionID: sc-1");
                assertThat(raw.readResponse()).containsEntry("Response", "Success");
                Map<String, String> first = raw.readUntil("Event", "ContactList");
                assertThat(first).containsEntry("Uri", "sip:desk@127.0.0.1:" + phone.port()).containsEntry("Status", "Reachable")
                    .containsEntry("Endpoint", "desk").containsEntry("QualifyFrequency", "60");
                assertThat(first.get("ObjectName")).matches("desk;@[0-9a-f]{32}");
                assertThat(raw.readUntil("Event", "ContactList")).containsEntry("Uri", "sip:gone@127.0.0.1:1;transport=tcp")
                    .containsEntry("Status", "Unreachable");
                assertThat(raw.readUntil("Event", "ContactListComplete")).containsEntry("ListItems", "2");

                raw.send("Action: PJSIPShowEndpoint", "ActionID: se-1", "Endpoint: desk");
                assertThat(raw.readResponse()).containsEntry("Response", "Success");
                assertThat(raw.readUntil("Event", "EndpointDetail")).containsEntry("ObjectName", "desk")
                    .containsEntry("Aors", "desk").containsEntry("Allow", "(ulaw)").containsEntry("DtmfMode", "rfc4733");
                assertThat(raw.readUntil("Event", "AorDetail")).containsEntry("ObjectName", "desk").containsEntry("QualifyFrequency", "60")
                    .containsEntry("TotalContacts", "1");
                assertThat(raw.readUntil("Event", "ContactStatusDetail")).containsEntry("AOR", "desk").containsEntry("Status", "Reachable");
                assertThat(raw.readUntil("Event", "EndpointDetailComplete")).containsEntry("ListItems", "3");
                raw.send("Action: PJSIPShowEndpoint", "ActionID: se-2", "Endpoint: nobody");
                assertThat(raw.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "Unable to retrieve endpoint nobody");

                var out = new java.io.StringWriter();
                new org.switchboard.res.cli.CliDispatcher(fx.test.pbx).execute("pjsip show contacts", new java.io.PrintWriter(out, true));
                assertThat(out.toString()).containsPattern("Contact:  desk/sip:desk@127.0.0.1:" + phone.port() + " +[0-9a-f]{10} Avail +\\d+\\.\\d{3}")
                    .containsPattern("Contact:  gone/sip:gone@127.0.0.1:1;transport=tcp +[0-9a-f]{10} Unavail +nan");
            } finally {
                c.logoff();
            }
        }
    }
}
