package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.RegistryEvent;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.pjsip.PjsipModule;
import org.switchboard.channels.sip.SipPbxFixture;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;

/**
 * A pjsip.conf outbound registration seen from the Manager: asterisk-java reads the Registry
 * events (Registered, then Rejected with its cause), and PJSIPShowRegistrationsOutbound lists the
 * registration with its settings and status, its auth, and the Registered/NotRegistered counts.
 */
class AmiPjsipRegistrationTest {
    private static String pjsip(int registrarPort) {
        return """
            [transport-udp]
            type=transport
            protocol=udp
            bind=127.0.0.1:0

            [trunk-auth]
            type=auth
            username=acct42
            password=provider-secret
            realm=provider

            [trunk-reg]
            type=registration
            server_uri=sip:127.0.0.1:%d
            client_uri=sip:acct42@127.0.0.1
            outbound_auth=trunk-auth
            expiration=120
            retry_interval=1
            max_retries=3
            """.formatted(registrarPort);
    }

    @Test
    void registryEventsAndTheOutboundRegistrationList() throws Exception {
        try (RawPeer registrar = new RawPeer();
             ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, "[test]\n",
                 Map.of("pjsip.conf", pjsip(registrar.port()), "modules.conf", "[modules]\nautoload=yes\nnoload => chan_skype\n"));
             AmiTestClient raw = fx.loggedIn()) {
            ManagerConnection c = new ManagerConnectionFactory("127.0.0.1", fx.port(), ManagerFixture.USER, ManagerFixture.SECRET)
                .createManagerConnection();
            List<RegistryEvent> registry = new CopyOnWriteArrayList<>();
            c.addEventListener(e -> { if (e instanceof RegistryEvent r) registry.add(r); });
            c.login();
            try {
                int pbxPort = PjsipModule.get(fx.test.pbx).stack().udpAddress().getPort();
                String first = registrar.receive(Duration.ofSeconds(5));
                assertThat(first).startsWith("REGISTER ");
                String contact = SipPbxFixture.header(first, "Contact:").substring("Contact: ".length());
                // a short grant: the refresh follows in 2 s (half of it)
                registrar.send(pbxPort, SipPbxFixture.respond(first, 200, "OK", "r1", "Contact: " + contact + ";expires=4\n"));
                await().atMost(Duration.ofSeconds(5)).until(() -> !registry.isEmpty());
                RegistryEvent ok = registry.get(0);
                assertThat(ok.getChannelType()).isEqualTo("PJSIP");
                assertThat(ok.getUsername()).isEqualTo("sip:acct42@127.0.0.1");
                assertThat(ok.getDomain()).isEqualTo("sip:127.0.0.1:" + registrar.port());
                assertThat(ok.getStatus()).isEqualTo("Registered");

                raw.send("Action: PJSIPShowRegistrationsOutbound", "ActionID: regs-1");
                assertThat(raw.readResponse()).containsEntry("Response", "Success").containsEntry("EventList", "start");
                Map<String, String> detail = raw.readUntil("Event", "OutboundRegistrationDetail");
                assertThat(detail).containsEntry("ActionID", "regs-1").containsEntry("ObjectType", "registration")
                    .containsEntry("ObjectName", "trunk-reg").containsEntry("ServerUri", "sip:127.0.0.1:" + registrar.port())
                    .containsEntry("ClientUri", "sip:acct42@127.0.0.1").containsEntry("OutboundAuth", "trunk-auth")
                    .containsEntry("Expiration", "120").containsEntry("RetryInterval", "1").containsEntry("MaxRetries", "3")
                    .containsEntry("ForbiddenRetryInterval", "0").containsEntry("Status", "Registered");
                assertThat(Integer.parseInt(detail.get("NextReg"))).isBetween(0, 4);
                Map<String, String> auth = raw.readUntil("Event", "AuthDetail");
                assertThat(auth).containsEntry("ObjectName", "trunk-auth").containsEntry("Username", "acct42")
                    .containsEntry("Realm", "provider").doesNotContainKey("Password");
                assertThat(raw.readUntil("Event", "OutboundRegistrationDetailComplete")).containsEntry("EventList", "Complete")
                    .containsEntry("ListItems", "2").containsEntry("Registered", "1").containsEntry("NotRegistered", "0");

                // the registrar forgets us: the refresh is refused, and the Manager hears why
                String refresh = null;
                for (String m; (m = registrar.receive(Duration.ofSeconds(5))) != null; ) {
                    if (m.startsWith("REGISTER ") && !SipPbxFixture.header(m, "CSeq:").equals(SipPbxFixture.header(first, "CSeq:"))) {
                        refresh = m;
                        break;
                    }
                }
                assertThat(refresh).isNotNull();
                registrar.send(pbxPort, SipPbxFixture.respond(refresh, 404, "Not Found", "r1", ""));
                await().atMost(Duration.ofSeconds(5)).until(() -> registry.stream().anyMatch(e -> "Rejected".equals(e.getStatus())));
                assertThat(registry).filteredOn(e -> "Rejected".equals(e.getStatus())).first()
                    .satisfies(e -> assertThat(e.getCause()).isEqualTo("404 Not Found"));
            } finally {
                c.logoff();
            }
        }
    }

    /** The next REGISTER the registrar gets that is not a retransmission of {@code previous}. */
    private static String nextRegister(RawPeer registrar, String previous) throws Exception {
        String seen = previous == null ? null : SipPbxFixture.header(previous, "CSeq:");
        for (String m; (m = registrar.receive(Duration.ofSeconds(5))) != null; ) {
            if (m.startsWith("REGISTER ") && !SipPbxFixture.header(m, "CSeq:").equals(seen)) return m;
        }
        throw new AssertionError("no new REGISTER within 5 s");
    }

    @Test
    void pjsipUnregisterAndPjsipRegisterSendTheirRegisters() throws Exception {
        try (RawPeer registrar = new RawPeer();
             ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, "[test]\n",
                 Map.of("pjsip.conf", pjsip(registrar.port()), "modules.conf", "[modules]\nautoload=yes\nnoload => chan_skype\n"));
             AmiTestClient raw = fx.loggedIn()) {
            int pbxPort = PjsipModule.get(fx.test.pbx).stack().udpAddress().getPort();
            String first = nextRegister(registrar, null);
            String contact = SipPbxFixture.header(first, "Contact:").substring("Contact: ".length());
            registrar.send(pbxPort, SipPbxFixture.respond(first, 200, "OK", "r1", "Contact: " + contact + ";expires=120\n"));
            await().atMost(Duration.ofSeconds(5)).until(() -> "Registered".equals(status(raw)));

            raw.send("Action: PJSIPUnregister", "ActionID: u-1", "Registration: trunk-reg");
            assertThat(raw.readResponse()).containsEntry("Response", "Success").containsEntry("ActionID", "u-1")
                .containsEntry("Message", "Unregistration sent");
            String bye = nextRegister(registrar, first);
            assertThat(SipPbxFixture.header(bye, "Expires:")).isEqualTo("Expires: 0");
            registrar.send(pbxPort, SipPbxFixture.respond(bye, 200, "OK", "r1", ""));
            assertThat(registryEvent(raw, "Unregistered")).containsEntry("ChannelType", "PJSIP").containsEntry("Username", "sip:acct42@127.0.0.1");

            raw.send("Action: PJSIPRegister", "ActionID: r-1", "Registration: trunk-reg");
            assertThat(raw.readResponse()).containsEntry("Response", "Success").containsEntry("Message", "Reregistration sent");
            String again = nextRegister(registrar, bye);
            assertThat(SipPbxFixture.header(again, "Expires:")).isEqualTo("Expires: 120");
            registrar.send(pbxPort, SipPbxFixture.respond(again, 200, "OK", "r1", "Contact: " + contact + ";expires=120\n"));
            assertThat(registryEvent(raw, "Registered")).containsEntry("ChannelType", "PJSIP");

            raw.send("Action: PJSIPRegister", "ActionID: r-2", "Registration: *all");
            assertThat(raw.readResponse()).containsEntry("Response", "Success").containsEntry("Message", "Reregistrations queued.");
        }
    }

    @Test
    void anUnknownOrMissingRegistrationIsAnError() throws Exception {
        try (RawPeer registrar = new RawPeer();
             ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, "[test]\n",
                 Map.of("pjsip.conf", pjsip(registrar.port()), "modules.conf", "[modules]\nautoload=yes\nnoload => chan_skype\n"));
             AmiTestClient raw = fx.loggedIn()) {
            raw.send("Action: PJSIPRegister", "ActionID: e-1", "Registration: no-such-reg");
            assertThat(raw.readResponse()).containsEntry("Response", "Error").containsEntry("ActionID", "e-1")
                .containsEntry("Message", "Unable to retrieve registration entry");
            raw.send("Action: PJSIPUnregister", "ActionID: e-2", "Registration: no-such-reg");
            assertThat(raw.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "Unable to retrieve registration entry");
            raw.send("Action: PJSIPUnregister", "ActionID: e-3");
            assertThat(raw.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "Registration parameter missing.");
        }
    }

    /** The next Registry event with {@code status}. */
    private static Map<String, String> registryEvent(AmiTestClient raw, String status) throws Exception {
        for (Map<String, String> m; (m = raw.readUntil("Event", "Registry")) != null; ) {
            if (status.equals(m.get("Status"))) return m;
        }
        throw new AssertionError("no Registry event " + status);
    }

    /** The registration's status as PJSIPShowRegistrationsOutbound lists it. */
    private static String status(AmiTestClient raw) throws Exception {
        raw.send("Action: PJSIPShowRegistrationsOutbound");
        raw.readResponse();
        String s = raw.readUntil("Event", "OutboundRegistrationDetail").get("Status");
        raw.readUntil("Event", "OutboundRegistrationDetailComplete");
        return s;
    }

    @Test
    void withoutRegistrationsTheListIsAnError() throws Exception {
        try (ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, "[test]\n",
                 Map.of("pjsip.conf", "[t]\ntype=transport\nprotocol=udp\nbind=127.0.0.1:0\n",
                     "modules.conf", "[modules]\nautoload=yes\nnoload => chan_skype\n"));
             AmiTestClient raw = fx.loggedIn()) {
            raw.send("Action: PJSIPShowRegistrationsOutbound", "ActionID: regs-2");
            assertThat(raw.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "No registrations found");
        }
    }
}
