package org.switchboard.channels.sip;

import org.switchboard.channels.sip.call.SipCall;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.res.devstate.DeviceState;

/**
 * chan_sip's sip_devicestate: the state of {@code SIP/peer} from what the stack knows. In the
 * order chan_sip looks: no peer is INVALID; no address (unregistered) is UNAVAILABLE; then a call
 * on hold, ringing (RINGINUSE when another call is up too), the call-limit reached (BUSY), a
 * call in progress (INUSE), a failed qualify (UNAVAILABLE); else NOT_INUSE. Calls are counted
 * from the peer's live channels, with or without a call-limit.
 */
final class SipDeviceState {
    private SipDeviceState() {}

    static DeviceState of(SipModule m, String resource) {
        SipStack stack = m.stack();
        if (stack == null) return DeviceState.UNKNOWN;
        String name = resource;
        int at = name.indexOf('@');
        if (at >= 0) name = name.substring(at + 1);   // SIP/exten@peer: the peer
        SipPeer peer = stack.settings().peer(name);
        if (peer == null || !peer.type().isPeer()) return DeviceState.INVALID;
        SipPeerView v = SipPeerView.of(stack, peer);
        if (v.ip() == null) return DeviceState.UNAVAILABLE;
        int calls = 0, ringing = 0;
        boolean held = false;
        for (Channel c : stack.pbx().channels().byPrefix("SIP/" + peer.name() + "-")) {
            if (c.isDestroyed()) continue;
            calls++;
            if (c.state() == ChannelState.RINGING) ringing++;   // a phone we call rings; an incoming call is in use
            if (c.tech() instanceof SipCall call && call.isHeld()) held = true;
        }
        if (held) return DeviceState.ONHOLD;
        if (ringing > 0) return ringing == calls ? DeviceState.RINGING : DeviceState.RINGINUSE;
        if (peer.callLimit() > 0 && calls >= peer.callLimit()) return DeviceState.BUSY;
        if (calls > 0) return DeviceState.INUSE;
        if (v.monitored() && v.qualify().status().equals("UNREACHABLE")) return DeviceState.UNAVAILABLE;
        return DeviceState.NOT_INUSE;
    }
}
