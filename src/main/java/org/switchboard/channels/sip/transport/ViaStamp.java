package org.switchboard.channels.sip.transport;

import java.net.InetSocketAddress;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.Via;

/** What a server transport does to the top Via of a request on receipt (RFC 3261 §18.2.1, RFC 3581 §4). */
public final class ViaStamp {
    private ViaStamp() {}

    /**
     * Adds {@code received=} when the source IP differs from sent-by or rport is present, and fills
     * {@code rport=} with the source port when rport is present. Returns the request unchanged
     * when nothing is to be added.
     */
    public static SipRequest stamp(SipRequest request, InetSocketAddress source) {
        Via top = request.topVia();
        if (top == null) return request;
        return withTop(request, top, top.received(source.getAddress().getHostAddress(), source.getPort()));
    }

    /**
     * As if the request had asked for rport (RFC 3581 §4): {@code rport=} the source port is set on
     * the top Via, so responses go back to the port the request came from. chan_sip's
     * {@code nat=force_rport} and res_pjsip's {@code force_rport=yes} do this to every request.
     */
    public static SipRequest forceRport(SipRequest request, InetSocketAddress source) {
        Via top = request.topVia();
        if (top == null || top.rportValue() > 0) return request;
        return withTop(request, top, top.withParam("rport", null).received(source.getAddress().getHostAddress(), source.getPort()));
    }

    private static SipRequest withTop(SipRequest request, Via top, Via stamped) {
        if (stamped.equals(top)) return request;
        Headers h = request.headers();
        Headers.Builder b = Headers.builder();
        boolean done = false;
        for (int i = 0; i < h.size(); i++) {
            if (!done && HeaderNames.VIA.equalsIgnoreCase(h.name(i))) {
                b.add(HeaderNames.VIA, stamped.toString());
                done = true;
            } else {
                b.add(h.name(i), h.value(i));
            }
        }
        return request.withHeaders(b.build());
    }
}
