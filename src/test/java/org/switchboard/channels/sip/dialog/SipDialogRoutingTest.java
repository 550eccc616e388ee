package org.switchboard.channels.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.channels.sip.dialog.SipDialogTest.invite;
import static org.switchboard.channels.sip.dialog.SipDialogTest.response;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;

/** Request-URI and Route of in-dialog requests (RFC 3261 §12.2.1.1), and the secure flag. */
class SipDialogRoutingTest {

    @Test void strictRouterGetsTheRequestUriAndTargetGoesLast() {
        SipResponse ok = new SipResponse(200, null, response(200, "<sip:bob@192.0.2.4>").headers().toBuilder()
            .remove("Record-Route")
            .add("Record-Route", "<sip:p2.biloxi.com;lr>")
            .add("Record-Route", "<sip:p1.atlanta.com;method=INVITE;transport=tcp>").build(), null);
        SipDialog d = SipDialog.asUac(invite(), ok);
        SipRequest bye = d.createRequest("BYE");
        // §12.2.1.1: strict routing, the first route's URI (without the method param) is the Request-URI
        assertThat(bye.uri()).hasToString("sip:p1.atlanta.com;transport=tcp");
        assertThat(bye.headers().getAll("Route"))
            .containsExactly("<sip:p2.biloxi.com;lr>", "<sip:bob@192.0.2.4>");
    }

    @Test void looseRouterKeepsTheTargetAsRequestUri() {
        SipDialog d = SipDialog.asUac(invite(), response(200, "<sip:bob@192.0.2.4>"));
        SipRequest bye = d.createRequest("BYE");
        assertThat(bye.uri()).hasToString("sip:bob@192.0.2.4");
        assertThat(bye.headers().getAll("Route")).containsExactly("<sip:p1.atlanta.com;lr>", "<sip:p2.biloxi.com;lr>");
    }

    @Test void noRouteSetMeansNoRouteHeader() {
        SipResponse ok = new SipResponse(200, null, response(200, "<sips:bob@192.0.2.4>").headers().toBuilder()
            .remove("Record-Route").build(), null);
        SipDialog d = SipDialog.asUac(invite(), ok);
        SipRequest bye = d.createRequest("BYE");
        assertThat(bye.uri()).hasToString("sips:bob@192.0.2.4");
        assertThat(bye.headers().contains("Route")).isFalse();
    }

    @Test void sipsRequestUriMakesTheDialogSecure() {
        SipRequest inv = new SipRequest("INVITE", SipUri.parse("sips:bob@biloxi.com"), invite().headers(), null);
        assertThat(SipDialog.asUac(inv, response(200, "<sips:bob@192.0.2.4>")).isSecure()).isTrue();
        assertThat(SipDialog.asUas(inv, "t", null).isSecure()).isTrue();
    }
}
