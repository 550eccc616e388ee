package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.SkypeBuddiesAction;
import org.asteriskjava.manager.action.SkypeChatSendAction;
import org.asteriskjava.manager.action.SkypeLicenseStatusAction;
import org.asteriskjava.manager.event.SkypeBuddyEntryEvent;
import org.asteriskjava.manager.event.SkypeChatMessageEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.manager.response.SkypeLicenseStatusResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.res.manager.ManagerModule;

/**
 * Skype for Asterisk on the Manager interface, driven by asterisk-java (an AMI client nobody here
 * wrote) against a real Prosody and an independent XMPP buddy.
 */
class SkypeManagerTest {
    static final Duration T = Duration.ofSeconds(15);
    SkypeTestNetwork net = SkypeTestNetwork.shared();
    SkypeTestPbx pbx;
    SkypeTestBuddy tfot;
    ManagerConnection ami;
    final List<Object> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void up() throws Exception {
        pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc(""), "extensions.conf", "[general]\n",
                "manager.conf", """
                [general]
                enabled = yes
                port = 0
                bindaddr = 127.0.0.1
                [admin]
                secret = s3cret
                read = all
                write = all
                """));
        pbx.loggedIn("lmentinc");
        tfot = net.buddy("tfot.madsen");
        ami = new ManagerConnectionFactory("127.0.0.1", ManagerModule.of(pbx.pbx).port(), "admin", "s3cret")
                .createManagerConnection();
        ami.addEventListener(events::add);
        ami.login();
    }

    @AfterEach
    void down() {
        if (ami != null) ami.logoff();
        if (tfot != null) tfot.close();
        pbx.close();
    }

    @Test
    void chatSendReachesTheBuddyAndTheReplyArrivesAsADecodedEvent() throws Exception {
        SkypeChatSendAction send = new SkypeChatSendAction();
        send.setUser("lmentinc");
        send.setSkypename("tfot.madsen");
        send.setMessage("Incoming call from \"Alice\" <4165551212> & more");
        ManagerResponse r = ami.sendAction(send, 10_000);
        assertThat(r.getResponse()).isEqualTo("Success");
        SkypeTestBuddy.Msg m = tfot.nextMessage(T);
        assertThat(m.body()).isEqualTo("Incoming call from \"Alice\" <4165551212> & more");

        tfot.send("lmentinc@skype.example", "1 — désolé <b>ok</b>");
        await().atMost(T).until(() -> events.stream().anyMatch(e -> e instanceof SkypeChatMessageEvent c
                && "1 — désolé <b>ok</b>".equals(c.getDecodedMessage())));
    }

    @Test
    void buddiesListsTheRosterWithStatuses() throws Exception {
        tfot.presence("away", "at lunch");
        await().atMost(T).until(() -> "Away".equals(pbx.account("lmentinc").buddyStatus("tfot.madsen@skype.example")));
        SkypeBuddiesAction list = new SkypeBuddiesAction();
        list.setUser("lmentinc");
        var result = ami.sendEventGeneratingAction(list, 10_000);
        List<SkypeBuddyEntryEvent> entries = result.getEvents().stream()
                .filter(e -> e instanceof SkypeBuddyEntryEvent).map(e -> (SkypeBuddyEntryEvent) e).toList();
        assertThat(entries).extracting(SkypeBuddyEntryEvent::getBuddy).contains("tfot.madsen");
        assertThat(entries).filteredOn(e -> e.getBuddy().equals("tfot.madsen"))
                .extracting(SkypeBuddyEntryEvent::getStatus).containsExactly("Away");
    }

    @Test
    void badRequestsGetErrorsAndTheSessionGoesOn() throws Exception {
        SkypeChatSendAction unknownUser = new SkypeChatSendAction();
        unknownUser.setUser("nobody");
        unknownUser.setSkypename("tfot.madsen");
        unknownUser.setMessage("x");
        assertThat(ami.sendAction(unknownUser, 10_000).getResponse()).isEqualTo("Error");

        SkypeChatSendAction badBuddy = new SkypeChatSendAction();
        badBuddy.setUser("lmentinc");
        badBuddy.setSkypename("two words&more");
        badBuddy.setMessage("x");
        assertThat(ami.sendAction(badBuddy, 10_000).getResponse()).isEqualTo("Error");

        SkypeLicenseStatusResponse lic = (SkypeLicenseStatusResponse) ami.sendAction(new SkypeLicenseStatusAction(), 10_000);
        assertThat(lic.getCallsLicensed()).isNotNull();
    }
}
