package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.ContactStatusEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.PeerStatusEvent;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.pjsip.PjsipModule;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;

/**
 * A phone's REGISTER as the Manager tells it (res_pjsip): asterisk-java reads {@code ContactStatus}
 * Created on the first REGISTER, Updated on a refresh and Removed on Expires: 0, each with the
 * aor, endpoint, contact URI, User-Agent, expiry, Via address and Call-ID; the endpoint's
 * {@code PeerStatus} turns Reachable with its first contact and Unreachable with its last. A
 * REGISTER the registrar refuses (an unknown aor) raises neither.
 */
class AmiPjsipContactStatusTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PJSIP = """
        [transport-udp]
        type=transport
        protocol=udp
        bind=127.0.0.1:0

        [desk]
        type=endpoint
        aors=desk
        allow=ulaw

        [desk]
        type=aor
        max_contacts=1
        """;

    private static String register(int pbxPort, RawPeer from, String user, String callId, int cseq, int expires) {
        return "REGISTER sip:127.0.0.1:" + pbxPort + " SIP/2.0\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:" + from.port() + ";branch=z9hG4bK" + callId + cseq + ";rport\n"
            + "Max-Forwards: 70\n"
            + "From: <sip:" + user + "@127.0.0.1>;tag=r" + callId + "\n"
            + "To: <sip:" + user + "@127.0.0.1>\n"
            + "Call-ID: " + callId + "\n"
            + "CSeq: " + cseq + " REGISTER\n"
            + "Contact: <sip:" + user + "@127.0.0.1:" + from.port() + ">\n"
            + "User-Agent: DeskPhone/2.1\n"
            + "Expires: " + expires + "\n"
            + "Content-Length: 0\n\n";
    }

    @Test
    void registerRefreshAndUnregisterAreContactStatusEvents() throws Exception {
        try (RawPeer phone = new RawPeer();
             ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, "[test]\n",
                 Map.of("pjsip.conf", PJSIP, "modules.conf", "[modules]\nautoload=yes\nnoload => chan_skype\n"))) {
            ManagerConnection c = new ManagerConnectionFactory("127.0.0.1", fx.port(), ManagerFixture.USER, ManagerFixture.SECRET)
                .createManagerConnection();
            List<ManagerEvent> events = new CopyOnWriteArrayList<>();
            c.addEventListener(e -> { if (e instanceof ContactStatusEvent || e instanceof PeerStatusEvent) events.add(e); });
            c.login();
            try {
                int pbx = PjsipModule.get(fx.test.pbx).stack().udpAddress().getPort();
                String uri = "sip:desk@127.0.0.1:" + phone.port();

                phone.send(pbx, register(pbx, phone, "nobody", "reg-x", 1, 60));
                assertThat(phone.receive(WAIT)).doesNotStartWith("SIP/2.0 200");

                long before = Instant.now().getEpochSecond();
                phone.send(pbx, register(pbx, phone, "desk", "reg-1", 1, 60));
                assertThat(phone.receive(WAIT)).startsWith("SIP/2.0 200");
                await().atMost(WAIT).until(() -> events.size() >= 2);
                ContactStatusEvent created = contactStatus(events, 0);
                assertThat(created.getContactStatus()).isEqualTo(ContactStatusEvent.STATUS_CREATED);
                assertThat(created.getAor()).isEqualTo("desk");
                assertThat(created.getEndpointName()).isEqualTo("desk");
                assertThat(created.getUri()).isEqualTo(uri);
                assertThat(created.getUserAgent()).isEqualTo("DeskPhone/2.1");
                assertThat(created.getViaAddress()).isEqualTo("127.0.0.1:" + phone.port());
                assertThat(created.getCallID()).isEqualTo("reg-1");
                assertThat(Long.parseLong(created.getRegExpire())).isBetween(before + 59, Instant.now().getEpochSecond() + 60);
                assertThat(peerStatuses(events)).containsExactly("PJSIP/desk Reachable");

                phone.send(pbx, register(pbx, phone, "desk", "reg-1", 2, 120));
                assertThat(phone.receive(WAIT)).startsWith("SIP/2.0 200");
                await().atMost(WAIT).until(() -> contactStatuses(events).size() >= 2);
                ContactStatusEvent updated = contactStatus(events, 1);
                assertThat(updated.getContactStatus()).isEqualTo(ContactStatusEvent.STATUS_UPDATED);
                assertThat(updated.getUri()).isEqualTo(uri);
                assertThat(Long.parseLong(updated.getRegExpire())).isGreaterThan(Long.parseLong(created.getRegExpire()));

                phone.send(pbx, register(pbx, phone, "desk", "reg-1", 3, 0));
                assertThat(phone.receive(WAIT)).startsWith("SIP/2.0 200");
                await().atMost(WAIT).until(() -> contactStatuses(events).size() >= 3 && peerStatuses(events).size() >= 2);
                ContactStatusEvent removed = contactStatus(events, 2);
                assertThat(removed.getContactStatus()).isEqualTo(ContactStatusEvent.STATUS_REMOVED);
                assertThat(removed.getAor()).isEqualTo("desk");
                assertThat(removed.getUri()).isEqualTo(uri);
                assertThat(peerStatuses(events)).containsExactly("PJSIP/desk Reachable", "PJSIP/desk Unreachable");
                assertThat(contactStatuses(events)).as("nothing for the refused REGISTER").hasSize(3)
                    .allSatisfy(e -> assertThat(e.getAor()).isEqualTo("desk"));
            } finally {
                c.logoff();
            }
        }
    }

    private static List<ContactStatusEvent> contactStatuses(List<ManagerEvent> events) {
        return events.stream().filter(ContactStatusEvent.class::isInstance).map(ContactStatusEvent.class::cast).toList();
    }

    private static ContactStatusEvent contactStatus(List<ManagerEvent> events, int i) { return contactStatuses(events).get(i); }

    private static List<String> peerStatuses(List<ManagerEvent> events) {
        return events.stream().filter(PeerStatusEvent.class::isInstance).map(PeerStatusEvent.class::cast)
            .map(p -> p.getPeer() + " " + p.getPeerStatus()).toList();
    }
}
