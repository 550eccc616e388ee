package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.time.Duration;
import java.util.List;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.SipPeersAction;
import org.asteriskjava.manager.action.SipShowPeerAction;
import org.asteriskjava.manager.action.SipShowRegistryAction;
import org.asteriskjava.manager.event.PeerEntryEvent;
import org.asteriskjava.manager.event.PeerlistCompleteEvent;
import org.asteriskjava.manager.event.RegistryEntryEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.manager.response.SipShowPeerResponse;
import org.junit.jupiter.api.Test;

/** asterisk-java's typed SIP classes read our SIPpeers, SIPshowpeer and SIPshowregistry answers. */
class SipManagerAsteriskJavaTest {
    @Test
    void asteriskJavaReadsPeersShowPeerAndRegistry() throws Exception {
        try (SipCliFixture fx = new SipCliFixture()) {
            DatagramSocket phone = fx.register("alice", 3600);
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.sip().stack().peerStates().qualify("trunk").status().equals("OK"));
            ManagerConnection c = new ManagerConnectionFactory("127.0.0.1", fx.amiPort(), SipCliFixture.AMI_USER, SipCliFixture.AMI_SECRET)
                .createManagerConnection();
            c.login();
            try {
                ResponseEvents peers = c.sendEventGeneratingAction(new SipPeersAction(), 10_000);
                assertThat(peers.getResponse().getResponse()).isEqualTo("Success");
                List<PeerEntryEvent> entries = peers.getEvents().stream().filter(PeerEntryEvent.class::isInstance)
                    .map(PeerEntryEvent.class::cast).toList();
                assertThat(entries).extracting(PeerEntryEvent::getObjectName).containsExactly("alice", "bob", "trunk");
                PeerEntryEvent alice = entries.get(0);
                assertThat(alice.getChannelType()).isEqualTo("SIP");
                assertThat(alice.getIpAddress()).isEqualTo("127.0.0.1");
                assertThat(alice.getPort()).isEqualTo(phone.getLocalPort());
                assertThat(alice.getDynamic()).isTrue();
                assertThat(alice.getAcl()).isFalse();
                assertThat(alice.getStatus()).isEqualTo("Unmonitored");
                assertThat(entries.get(2).getAcl()).isTrue();
                assertThat(entries.get(2).getDynamic()).isFalse();
                assertThat(entries.get(2).getStatus()).startsWith("OK (");
                assertThat(peers.getEvents()).filteredOn(PeerlistCompleteEvent.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((PeerlistCompleteEvent) e).getListItems()).isEqualTo(3));

                ManagerResponse r = c.sendAction(new SipShowPeerAction("alice"), 10_000);
                assertThat(r).isInstanceOf(SipShowPeerResponse.class);
                SipShowPeerResponse sp = (SipShowPeerResponse) r;
                assertThat(sp.getObjectName()).isEqualTo("alice");
                assertThat(sp.getSecretExist()).isFalse();
                assertThat(sp.getDynamic()).isTrue();
                assertThat(sp.getCallLimit()).isZero();
                assertThat(sp.getAddressIp()).isEqualTo("127.0.0.1");
                assertThat(sp.getAddressPort()).isEqualTo(phone.getLocalPort());
                assertThat(sp.getCodecs()).isEqualTo("(ulaw|alaw)");
                assertThat(sp.getSipUserAgent()).isEqualTo("TestPhone/1.0");
                assertThat(sp.getContext()).isEqualTo("internal");

                ManagerResponse missing = c.sendAction(new SipShowPeerAction("nobody"), 10_000);
                assertThat(missing.getResponse()).isEqualTo("Error");
                assertThat(missing.getMessage()).isEqualTo("Peer nobody not found.");

                ResponseEvents reg = c.sendEventGeneratingAction(new SipShowRegistryAction(), 10_000);
                List<ResponseEvent> regs = reg.getEvents().stream().filter(RegistryEntryEvent.class::isInstance).toList();
                assertThat(regs).singleElement().satisfies(e -> {
                    RegistryEntryEvent re = (RegistryEntryEvent) e;
                    assertThat(re.getHost()).isEqualTo("127.0.0.1");
                    assertThat(re.getUsername()).isEqualTo("out");
                    assertThat(re.getState()).matches("Request Sent|Timeout|Unregistered");
                });
            } finally {
                c.logoff();
            }
        }
    }
}
