package org.switchboard.channels.pjsip;

import org.switchboard.channels.sip.SipStack;
import org.switchboard.channels.sip.transport.WsSipTransport;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.res.http.HttpModule;
import org.switchboard.res.http.HttpRoutes;

/**
 * res_pjsip_transport_websocket: a {@code protocol=ws|wss} transport puts the SIP stack on the
 * HTTP server's {@code /ws} as the {@code sip} subprotocol (RFC 7118 §4). The server is http.conf's;
 * it may load before or after chan_pjsip, so its address is looked up when a message needs it.
 */
final class PjsipWebSocket {
    static final String SUBPROTOCOL = "sip";

    private PjsipWebSocket() {}

    static void enable(Pbx pbx, SipStack stack) {
        WsSipTransport ws = stack.enableWebSocket(() -> {
            HttpModule h = HttpModule.get(pbx);
            return h == null ? null : h.httpAddress();
        }, () -> {
            HttpModule h = HttpModule.get(pbx);
            return h == null ? null : h.httpsAddress();
        });
        HttpRoutes.of(pbx).registerWebSocket(SUBPROTOCOL, ws);
        PbxLog.verbose(2, "PJSIP: SIP over WebSocket on the HTTP server's /ws (protocol '" + SUBPROTOCOL + "'; http.conf says where)");
    }

    static void disable(Pbx pbx, SipStack stack) {
        WsSipTransport ws = stack.webSocket();
        if (ws != null) HttpRoutes.of(pbx).unregisterWebSocket(SUBPROTOCOL, ws);
    }
}
