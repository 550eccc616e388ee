package org.switchboard.channels.pjsip;

import org.switchboard.channels.pjsip.config.PjsipEndpoint;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.res.devstate.DeviceState;

/**
 * The state of {@code PJSIP/endpoint}, as chan_pjsip's devicestate callback reports it: no such
 * endpoint is INVALID; no contact (nothing registered, no static contact) is UNAVAILABLE; then
 * ringing, in use by its channels; else NOT_INUSE.
 */
final class PjsipDeviceState {
    private PjsipDeviceState() {}

    static DeviceState of(PjsipModule m, String resource) {
        if (m.stack() == null) return DeviceState.UNKNOWN;
        String name = resource;
        int at = name.indexOf('@');
        if (at >= 0) name = name.substring(at + 1);
        PjsipEndpoint e = m.settings().endpoint(name);
        if (e == null) return DeviceState.INVALID;
        if (PjsipContacts.of(m.stack(), m.settings(), e).isEmpty()) return DeviceState.UNAVAILABLE;
        int calls = 0, ringing = 0;
        for (Channel c : m.stack().pbx().channels().byPrefix("PJSIP/" + e.name() + "-")) {
            if (c.isDestroyed()) continue;
            calls++;
            if (c.state() == ChannelState.RINGING) ringing++;
        }
        if (ringing > 0) return ringing == calls ? DeviceState.RINGING : DeviceState.RINGINUSE;
        return calls > 0 ? DeviceState.INUSE : DeviceState.NOT_INUSE;
    }
}
