package org.switchboard.channels.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.channels.sip.dialog.SipDialogTest.fromAlice;
import static org.switchboard.channels.sip.dialog.SipDialogTest.incomingInvite;
import static org.switchboard.channels.sip.dialog.SipDialogTest.invite;
import static org.switchboard.channels.sip.dialog.SipDialogTest.response;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipRequest;

class SipDialogsTest {

    @Test void findsTheUacDialogForRequestsAndResponsesFromTheCallee() {
        SipDialogs reg = new SipDialogs();
        SipDialog d = reg.add(SipDialog.asUac(invite(), response(180, "<sip:bob@192.0.2.4>")));
        assertThat(reg.size()).isEqualTo(1);
        assertThat(reg.find(response(200, "<sip:bob@192.0.2.4>"))).isSameAs(d);
        // Bob's BYE: his tag in From, Alice's in To
        SipDialog bobSide = SipDialog.asUas(incomingInvite(), "a6c85cf", NameAddr.parse("<sip:bob@192.0.2.4>"));
        SipRequest byeFromBob = bobSide.createRequest("BYE");
        assertThat(reg.find(byeFromBob)).isSameAs(d);
        assertThat(d.acceptRequest(byeFromBob)).isEqualTo(SipDialog.ACCEPTED);
        assertThat(reg.get(new SipDialog.Id(SipDialogTest.CALL_ID, "1928301774", "a6c85cf"))).isSameAs(d);
    }

    @Test void findsTheUasDialogForRequestsFromTheCaller() {
        SipDialogs reg = new SipDialogs();
        SipDialog d = reg.add(SipDialog.asUas(incomingInvite(), "a6c85cf", null));
        assertThat(reg.find(fromAlice("BYE", 314160))).isSameAs(d);
        assertThat(SipDialogs.idOfIncoming(fromAlice("BYE", 314160))).isEqualTo(d.id());
        // a request without a To tag is not in a dialog (§12.2.2)
        assertThat(reg.find(invite())).isNull();
        SipDialog alice = SipDialog.asUac(invite(), response(200, "<sip:bob@192.0.2.4>"));
        assertThat(reg.find(alice.createRequest("BYE"))).isSameAs(d); // built by Alice's UAC dialog
        assertThat(reg.find(d.createRequest("BYE"))).isNull(); // our own BYE: tags the other way round
    }

    @Test void addKeepsTheFirstAndRemoveDropsOnlyThatDialog() {
        SipDialogs reg = new SipDialogs();
        SipDialog a = reg.add(SipDialog.asUas(incomingInvite(), "t1", null));
        SipDialog again = SipDialog.asUas(incomingInvite(), "t1", null);
        assertThat(reg.add(again)).isSameAs(a);
        assertThat(reg.remove(again)).isFalse();
        SipDialog b = reg.add(SipDialog.asUas(incomingInvite(), "t2", null));
        assertThat(reg.all()).containsExactlyInAnyOrder(a, b);
        assertThat(reg.remove(a)).isTrue();
        assertThat(reg.all()).containsExactly(b);
        assertThat(reg.find(response(200, "<sip:x@y>"))).isNull();
    }
}
