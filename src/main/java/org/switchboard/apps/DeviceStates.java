package org.switchboard.apps;

import org.switchboard.core.Pbx;
import org.switchboard.res.devstate.DeviceState;

/** Device states as numbers, the way ChanIsAvail's AVAILSTATUS shows them (enum ast_device_state). */
final class DeviceStates {
    private DeviceStates() {}

    static final int UNKNOWN = DeviceState.UNKNOWN.number();
    static final int NOT_INUSE = DeviceState.NOT_INUSE.number();
    static final int INVALID = DeviceState.INVALID.number();

    /** ast_device_state: what the device's technology (or its channels) says. */
    static int of(Pbx pbx, String device) {
        return org.switchboard.res.devstate.DeviceStates.of(pbx).state(device).number();
    }

    /** ast_parse_device_state: RINGING or INUSE when a channel {@code device-...} exists, else UNKNOWN. */
    static int fromChannels(Pbx pbx, String device) {
        return org.switchboard.res.devstate.DeviceStates.of(pbx).fromChannels(device).number();
    }
}
