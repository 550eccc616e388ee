package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SIPpeers, SIPshowpeer, SIPqualifypeer, SIPshowregistry over a raw AMI socket, with chan_sip's wording. */
class SipManagerActionsTest {
    static final Duration T = Duration.ofSeconds(10);

    @Test
    void sipPeersListsEveryPeerThenPeerlistComplete() throws Exception {
        try (SipCliFixture fx = new SipCliFixture(); SipAmiClient ami = new SipAmiClient(fx.amiPort())) {
            DatagramSocket phone = fx.register("alice", 3600);
            await().atMost(T).until(() -> fx.sip().stack().peerStates().qualify("trunk").status().equals("OK"));
            List<Map<String, String>> msgs = ami.list("PeerlistComplete", "Action: SIPpeers", "ActionID: p1");
            assertThat(msgs.get(0)).containsEntry("Response", "Success").containsEntry("EventList", "start")
                .containsEntry("Message", "Peer status list will follow").containsEntry("ActionID", "p1");
            List<Map<String, String>> entries = msgs.subList(1, msgs.size() - 1);
            assertThat(entries).allSatisfy(e -> assertThat(e).containsEntry("Event", "PeerEntry").containsEntry("ActionID", "p1")
                .containsEntry("Channeltype", "SIP").containsEntry("ChanObjectType", "peer")
                .containsEntry("VideoSupport", "no").containsEntry("TextSupport", "no").containsEntry("RealtimeDevice", "no"));
            assertThat(entries).extracting(e -> e.get("ObjectName")).containsExactly("alice", "bob", "trunk");
            assertThat(entries.get(0)).containsEntry("IPaddress", "127.0.0.1").containsEntry("IPport", Integer.toString(phone.getLocalPort()))
                .containsEntry("Dynamic", "yes").containsEntry("Forcerport", "no").containsEntry("AutoForcerport", "no")
                .containsEntry("ACL", "no").containsEntry("Status", "Unmonitored");
            assertThat(entries.get(1)).containsEntry("IPaddress", "-none-").containsEntry("IPport", "0")
                .containsEntry("AutoForcerport", "yes").containsEntry("Status", "UNKNOWN");
            assertThat(entries.get(2)).containsEntry("Dynamic", "no").containsEntry("ACL", "yes").containsEntry("Forcerport", "yes")
                .containsEntry("Comedia", "yes").containsEntry("Accountcode", "acct-trunk")
                .containsEntry("IPport", Integer.toString(fx.trunk.getLocalPort()));
            assertThat(entries.get(2).get("Status")).startsWith("OK (");
            assertThat(msgs.get(msgs.size() - 1)).containsEntry("Event", "PeerlistComplete").containsEntry("EventList", "Complete")
                .containsEntry("ListItems", "3").containsEntry("ActionID", "p1");
        }
    }

    @Test
    void sipShowPeerKnownUnknownAndMissing() throws Exception {
        try (SipCliFixture fx = new SipCliFixture(); SipAmiClient ami = new SipAmiClient(fx.amiPort())) {
            DatagramSocket phone = fx.register("alice", 3600);
            Map<String, String> r = ami.action("Action: SIPshowpeer", "ActionID: s1", "Peer: alice");
            assertThat(r).containsEntry("Response", "Success").containsEntry("ActionID", "s1").doesNotContainKey("Message")
                .containsEntry("Channeltype", "SIP").containsEntry("ObjectName", "alice").containsEntry("ChanObjectType", "peer")
                .containsEntry("SecretExist", "N").containsEntry("MD5SecretExist", "N").containsEntry("Context", "internal")
                .containsEntry("Callerid", "\"Alice\" <100>").containsEntry("Call-limit", "0").containsEntry("Busy-level", "0")
                .containsEntry("Maxforwards", "70").containsEntry("Dynamic", "Y").containsEntry("ToHost", "")
                .containsEntry("Address-IP", "127.0.0.1").containsEntry("Address-Port", Integer.toString(phone.getLocalPort()))
                .containsEntry("Default-addr-IP", "(null)").containsEntry("Default-addr-port", "0")
                .containsEntry("Default-Username", "alice").containsEntry("Codecs", "(ulaw|alaw)")
                .containsEntry("Status", "Unmonitored").containsEntry("SIP-Useragent", "TestPhone/1.0")
                .containsEntry("Reg-Contact", "sip:alice@127.0.0.1:" + phone.getLocalPort()).containsEntry("SIP-DTMFmode", "rfc2833");
            assertThat(ami.action("Action: SIPshowpeer", "Peer: bob")).containsEntry("SecretExist", "Y")
                .containsEntry("Address-IP", "(null)").containsEntry("Status", "UNKNOWN").containsEntry("SIP-DTMFmode", "info");
            assertThat(ami.action("Action: SIPshowpeer", "ActionID: s2", "Peer: nobody"))
                .containsEntry("Response", "Error").containsEntry("ActionID", "s2").containsEntry("Message", "Peer nobody not found.");
            assertThat(ami.action("Action: SIPshowpeer", "Peer: carol")).containsEntry("Response", "Error");
            assertThat(ami.action("Action: SIPshowpeer")).containsEntry("Response", "Error").containsEntry("Message", "Peer: <name> missing.");
        }
    }

    @Test
    void sipQualifyPeerAndShowRegistryAndGarbage() throws Exception {
        try (SipCliFixture fx = new SipCliFixture(); SipAmiClient ami = new SipAmiClient(fx.amiPort())) {
            await().atMost(T).until(() -> fx.optionsAnswered.get() > 0);
            int before = fx.optionsAnswered.get();
            assertThat(ami.action("Action: SIPqualifypeer", "Peer: trunk"))
                .containsEntry("Response", "Success").containsEntry("Message", "SIP peer found - will qualify");
            await().atMost(T).until(() -> fx.optionsAnswered.get() > before);
            assertThat(ami.action("Action: SIPqualifypeer", "Peer: nobody")).containsEntry("Response", "Error").containsEntry("Message", "Peer not found");
            assertThat(ami.action("Action: SIPqualifypeer")).containsEntry("Response", "Error").containsEntry("Message", "Peer: <name> missing.");

            List<Map<String, String>> reg = ami.list("RegistrationsComplete", "Action: SIPshowregistry", "ActionID: r1");
            assertThat(reg.get(0)).containsEntry("Response", "Success").containsEntry("EventList", "start")
                .containsEntry("Message", "Registrations will follow");
            assertThat(reg).hasSize(3);
            assertThat(reg.get(1)).containsEntry("Event", "RegistryEntry").containsEntry("ActionID", "r1")
                .containsEntry("Host", "127.0.0.1").containsEntry("Port", "9").containsEntry("Username", "out")
                .containsEntry("Domain", "127.0.0.1").containsEntry("DomainPort", "9").containsEntry("Refresh", "120")
                .containsEntry("RegistrationTime", "0");
            assertThat(reg.get(1).get("State")).matches("Request Sent|Timeout|Unregistered");
            assertThat(reg.get(2)).containsEntry("Event", "RegistrationsComplete").containsEntry("ListItems", "1");

            assertThat(ami.action("Action: SIPfrobnicate", "Peer: trunk")).containsEntry("Response", "Error");
            assertThat(ami.action("Action: SIPpeers", "ActionID: after")).containsEntry("Response", "Success");
        }
    }
}
