package org.switchboard.channels.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.message.Via;

/** RFC 3261 §12 dialogs; the call flows follow RFC 3665 §3.2 (Alice calls Bob through proxies). */
class SipDialogTest {
    static final String ALICE = "Alice <sip:alice@atlanta.com>;tag=1928301774";
    static final String BOB = "Bob <sip:bob@biloxi.com>";
    static final String CALL_ID = "a84b4c76e66710";
    static final Via VIA = Via.of("UDP", "pc33.atlanta.com", 5060, "z9hG4bKnashds8");

    static Headers headers(String... nv) {
        Headers.Builder b = Headers.builder();
        for (int i = 0; i < nv.length; i += 2) b.add(nv[i], nv[i + 1]);
        return b.build();
    }

    static SipRequest request(String method, String uri, String... nv) {
        return new SipRequest(method, SipUri.parse(uri), headers(nv), null);
    }

    static SipRequest invite(String... extra) {
        List<String> h = new ArrayList<>(List.of("Via", "SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds",
            "Max-Forwards", "70", "From", ALICE, "To", BOB, "Call-ID", CALL_ID, "CSeq", "314159 INVITE",
            "Contact", "<sip:alice@pc33.atlanta.com>"));
        h.addAll(List.of(extra));
        return request("INVITE", "sip:bob@biloxi.com", h.toArray(String[]::new));
    }

    static SipResponse response(int status, String contact) {
        return new SipResponse(status, null, headers(
            "Via", "SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds",
            "Record-Route", "<sip:p2.biloxi.com;lr>", "Record-Route", "<sip:p1.atlanta.com;lr>",
            "From", ALICE, "To", BOB + ";tag=a6c85cf", "Call-ID", CALL_ID, "CSeq", "314159 INVITE",
            "Contact", contact), null);
    }

    /** Every header of {@code r} as "Name: value" lines, in order. */
    static List<String> lines(SipRequest r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.headers().size(); i++) out.add(r.headers().name(i) + ": " + r.headers().value(i));
        return out;
    }

    @Test void uacEarlyThenConfirmedReversesRecordRouteAndTakesContact() {
        SipDialog d = SipDialog.asUac(invite(), response(180, "<sip:bob@192.0.2.4>"));
        assertThat(d.state()).isEqualTo(SipDialog.State.EARLY);
        assertThat(d.id()).isEqualTo(new SipDialog.Id(CALL_ID, "1928301774", "a6c85cf"));
        assertThat(d.isUac()).isTrue();
        assertThat(d.isSecure()).isFalse();
        assertThat(d.localSeq()).isEqualTo(314159);
        assertThat(d.remoteSeq()).isEqualTo(-1);
        assertThat(d.localUri().toString()).isEqualTo("\"Alice\" <sip:alice@atlanta.com>");
        assertThat(d.remoteUri().toString()).isEqualTo("\"Bob\" <sip:bob@biloxi.com>");
        assertThat(d.remoteTarget()).hasToString("sip:bob@192.0.2.4");
        assertThat(d.routeSet()).extracting(NameAddr::toString)
            .containsExactly("<sip:p1.atlanta.com;lr>", "<sip:p2.biloxi.com;lr>"); // §12.1.2 reversed

        d.acceptResponse(response(200, "<sip:bob@192.0.2.5>"));
        assertThat(d.state()).isEqualTo(SipDialog.State.CONFIRMED);
        assertThat(d.remoteTarget()).hasToString("sip:bob@192.0.2.5");
        assertThat(d.routeSet()).hasSize(2);
    }

    @Test void uacFromA2xxIsConfirmedAndNeedsContact() {
        SipDialog d = SipDialog.asUac(invite(), response(200, "<sip:bob@192.0.2.4>"));
        assertThat(d.state()).isEqualTo(SipDialog.State.CONFIRMED);
        SipResponse noContact = new SipResponse(200, null, response(200, "<sip:x@y>").headers().toBuilder()
            .remove("Contact").build(), null);
        assertThatThrownBy(() -> SipDialog.asUac(invite(), noContact)).isInstanceOf(IllegalArgumentException.class);
        SipResponse noTag = new SipResponse(180, null, noContact.headers().toBuilder().set("To", BOB).build(), null);
        assertThatThrownBy(() -> SipDialog.asUac(invite(), noTag)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test void aForkedResponseWithAnotherToTagLeavesTheEarlyDialogAlone() {
        SipDialog d = SipDialog.asUac(invite(), response(180, "<sip:bob@192.0.2.4>"));
        SipResponse other = new SipResponse(200, null, response(200, "<sip:carol@192.0.2.7>").headers().toBuilder()
            .set("To", BOB + ";tag=fork2").build(), null);
        d.acceptResponse(other);
        assertThat(d.state()).isEqualTo(SipDialog.State.EARLY);
        assertThat(d.remoteTarget()).hasToString("sip:bob@192.0.2.4");
        assertThat(SipDialog.asUac(invite(), other).id().remoteTag()).isEqualTo("fork2");
    }

    @Test void uasReInvite2xxRefreshesTheTarget() {
        SipDialog d = SipDialog.asUas(incomingInvite(), "a6c85cf", NameAddr.parse("<sip:bob@192.0.2.4>"));
        d.confirm();
        SipRequest reinvite = d.createRequest("INVITE");
        SipResponse ok = new SipResponse(200, null, reinvite.headers().toBuilder().remove("Route")
            .remove("Contact").add("Contact", "<sip:alice@192.0.2.101>").build(), null);
        d.acceptResponse(ok);
        assertThat(d.remoteTarget()).hasToString("sip:alice@192.0.2.101");
    }

    @Test void earlyDialogEndsOnAFinalFailure() {
        SipDialog d = SipDialog.asUac(invite(), response(183, "<sip:bob@192.0.2.4>"));
        d.acceptResponse(new SipResponse(486, null, response(486, "<sip:bob@192.0.2.4>").headers(), null));
        assertThat(d.state()).isEqualTo(SipDialog.State.TERMINATED);
    }

    @Test void ackByeAndReInviteFromTheUac() {
        SipDialog d = SipDialog.asUac(invite(), response(200, "<sip:bob@192.0.2.4>"));
        SipRequest ack = d.createRequest("ACK", VIA);
        assertThat(ack.method()).isEqualTo("ACK");
        assertThat(ack.uri()).hasToString("sip:bob@192.0.2.4");
        assertThat(lines(ack)).containsExactly(
            "Via: SIP/2.0/UDP pc33.atlanta.com:5060;branch=z9hG4bKnashds8;rport",
            "Max-Forwards: 70",
            "Route: <sip:p1.atlanta.com;lr>",
            "Route: <sip:p2.biloxi.com;lr>",
            "From: \"Alice\" <sip:alice@atlanta.com>;tag=1928301774",
            "To: \"Bob\" <sip:bob@biloxi.com>;tag=a6c85cf",
            "Call-ID: a84b4c76e66710",
            "CSeq: 314159 ACK"); // §13.2.2.4: the INVITE's number

        SipRequest bye = d.createRequest("BYE");
        assertThat(bye.uri()).hasToString("sip:bob@192.0.2.4");
        assertThat(lines(bye)).containsExactly(
            "Max-Forwards: 70",
            "Route: <sip:p1.atlanta.com;lr>",
            "Route: <sip:p2.biloxi.com;lr>",
            "From: \"Alice\" <sip:alice@atlanta.com>;tag=1928301774",
            "To: \"Bob\" <sip:bob@biloxi.com>;tag=a6c85cf",
            "Call-ID: a84b4c76e66710",
            "CSeq: 314160 BYE");

        SipRequest reinvite = d.createRequest("INVITE", VIA);
        assertThat(reinvite.uri()).hasToString("sip:bob@192.0.2.4");
        assertThat(lines(reinvite)).containsExactly(
            "Via: SIP/2.0/UDP pc33.atlanta.com:5060;branch=z9hG4bKnashds8;rport",
            "Max-Forwards: 70",
            "Route: <sip:p1.atlanta.com;lr>",
            "Route: <sip:p2.biloxi.com;lr>",
            "From: \"Alice\" <sip:alice@atlanta.com>;tag=1928301774",
            "To: \"Bob\" <sip:bob@biloxi.com>;tag=a6c85cf",
            "Call-ID: a84b4c76e66710",
            "CSeq: 314161 INVITE",
            "Contact: <sip:alice@pc33.atlanta.com>");
        assertThat(d.createRequest("ACK").cseq().toString()).isEqualTo("314161 ACK");
        assertThat(d.createRequest("INFO").cseq().toString()).isEqualTo("314162 INFO");
        assertThat(d.localSeq()).isEqualTo(314162);
        assertThatThrownBy(() -> d.createRequest("CANCEL")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test void reInvite2xxRefreshesTheTarget() {
        SipDialog d = SipDialog.asUac(invite(), response(200, "<sip:bob@192.0.2.4>"));
        d.createRequest("INVITE");
        SipResponse ok = new SipResponse(200, null, response(200, "<sip:bob@192.0.2.9>").headers().toBuilder()
            .set("CSeq", "314160 INVITE").build(), null);
        d.acceptResponse(ok);
        assertThat(d.remoteTarget()).hasToString("sip:bob@192.0.2.9");
        assertThat(d.state()).isEqualTo(SipDialog.State.CONFIRMED);
        d.acceptResponse(new SipResponse(481, null, ok.headers(), null)); // §12.2.1.2
        assertThat(d.state()).isEqualTo(SipDialog.State.TERMINATED);
        assertThatThrownBy(() -> d.createRequest("BYE")).isInstanceOf(IllegalStateException.class);
    }

    static SipRequest incomingInvite() {
        return invite("Record-Route", "<sip:p2.biloxi.com;lr>", "Record-Route", "<sip:p1.atlanta.com;lr>");
    }

    @Test void uasSideKeepsRecordRouteInOrderAndStartsItsOwnCSeq() {
        NameAddr contact = NameAddr.parse("<sip:bob@192.0.2.4>");
        SipDialog d = SipDialog.asUas(incomingInvite(), "a6c85cf", contact);
        assertThat(d.state()).isEqualTo(SipDialog.State.EARLY);
        d.confirm();
        assertThat(d.state()).isEqualTo(SipDialog.State.CONFIRMED);
        assertThat(d.id()).isEqualTo(new SipDialog.Id(CALL_ID, "a6c85cf", "1928301774"));
        assertThat(d.isUac()).isFalse();
        assertThat(d.remoteSeq()).isEqualTo(314159);
        assertThat(d.localSeq()).isEqualTo(-1);
        assertThat(d.remoteTarget()).hasToString("sip:alice@pc33.atlanta.com");
        assertThat(d.routeSet()).extracting(NameAddr::toString)
            .containsExactly("<sip:p2.biloxi.com;lr>", "<sip:p1.atlanta.com;lr>"); // §12.1.1 in order
        assertThatThrownBy(() -> d.createRequest("ACK")).isInstanceOf(IllegalStateException.class);

        SipRequest bye = d.createRequest("BYE", Via.of("UDP", "192.0.2.4", 5060, "z9hG4bKbye"));
        assertThat(bye.uri()).hasToString("sip:alice@pc33.atlanta.com");
        assertThat(lines(bye)).containsExactly(
            "Via: SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKbye;rport",
            "Max-Forwards: 70",
            "Route: <sip:p2.biloxi.com;lr>",
            "Route: <sip:p1.atlanta.com;lr>",
            "From: \"Bob\" <sip:bob@biloxi.com>;tag=a6c85cf",
            "To: \"Alice\" <sip:alice@atlanta.com>;tag=1928301774",
            "Call-ID: a84b4c76e66710",
            "CSeq: 1 BYE");
        assertThat(d.createRequest("INVITE").header("Contact")).isEqualTo("<sip:bob@192.0.2.4>");
        assertThat(d.createRequest("ACK").cseq().toString()).isEqualTo("2 ACK");
    }

    static SipRequest fromAlice(String method, long seq, String... extra) {
        List<String> h = new ArrayList<>(List.of("Via", "SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK" + seq + method,
            "From", ALICE, "To", BOB + ";tag=a6c85cf", "Call-ID", CALL_ID, "CSeq", seq + " " + method));
        h.addAll(List.of(extra));
        return request(method, "sip:bob@192.0.2.4", h.toArray(String[]::new));
    }

    @Test void outOfOrderCSeqIsRefusedWith500AndReInviteRefreshesTarget() {
        SipDialog d = SipDialog.asUas(incomingInvite(), "a6c85cf", NameAddr.parse("<sip:bob@192.0.2.4>"));
        d.confirm();
        assertThat(d.acceptRequest(fromAlice("ACK", 314159))).isEqualTo(SipDialog.ACCEPTED);
        assertThat(d.acceptRequest(fromAlice("INFO", 314158))).isEqualTo(500); // §12.2.2
        assertThat(d.remoteSeq()).isEqualTo(314159);
        assertThat(d.acceptRequest(fromAlice("INFO", 314161))).isEqualTo(SipDialog.ACCEPTED);
        assertThat(d.remoteSeq()).isEqualTo(314161);
        assertThat(d.acceptRequest(fromAlice("INFO", 314160))).isEqualTo(500);
        assertThat(d.acceptRequest(fromAlice("INVITE", 314170, "Contact", "<sip:alice@192.0.2.101>")))
            .isEqualTo(SipDialog.ACCEPTED);
        assertThat(d.remoteTarget()).hasToString("sip:alice@192.0.2.101");
        assertThat(d.remoteSeq()).isEqualTo(314170);
        // INFO is no target refresh: its Contact is ignored
        assertThat(d.acceptRequest(fromAlice("INFO", 314171, "Contact", "<sip:mallory@192.0.2.66>")))
            .isEqualTo(SipDialog.ACCEPTED);
        assertThat(d.remoteTarget()).hasToString("sip:alice@192.0.2.101");

        SipRequest wrongTag = new SipRequest("BYE", SipUri.parse("sip:bob@192.0.2.4"),
            fromAlice("BYE", 314180).headers().toBuilder().set("To", BOB + ";tag=other").build(), null);
        assertThat(d.acceptRequest(wrongTag)).isEqualTo(481);
        assertThat(d.acceptRequest(fromAlice("BYE", 314180))).isEqualTo(SipDialog.ACCEPTED);
        assertThat(d.state()).isEqualTo(SipDialog.State.TERMINATED); // §15.1.2
        assertThat(d.acceptRequest(fromAlice("BYE", 314181))).isEqualTo(481);
    }
}
