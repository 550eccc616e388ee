package org.switchboard.apps;

import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.Pbx;

/**
 * Device states as Asterisk numbers them (enum ast_device_state), found the way Asterisk finds
 * them for a channel driver that reports none of its own (ast_parse_device_state): a device is in
 * use while a channel of it exists. No driver here reports device state yet.
 */
final class DeviceStates {
    private DeviceStates() {}

    static final int UNKNOWN = 0;
    static final int NOT_INUSE = 1;
    static final int INUSE = 2;
    static final int INVALID = 4;
    static final int RINGING = 6;

    /** ast_device_state: INVALID when no driver has the technology, else what the channels say. */
    static int of(Pbx pbx, String device) {
        int slash = device.indexOf('/');
        if (slash < 0 || pbx.modules().driver(device.substring(0, slash)) == null) return INVALID;
        return fromChannels(pbx, device);
    }

    /** ast_parse_device_state: RINGING or INUSE when a channel {@code device-...} exists, else UNKNOWN. */
    static int fromChannels(Pbx pbx, String device) {
        for (Channel ch : pbx.channels().byPrefix(device + "-")) {
            if (ch.isDestroyed()) continue;
            return ch.state() == ChannelState.RINGING ? RINGING : INUSE;
        }
        return UNKNOWN;
    }
}
