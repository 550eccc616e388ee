package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.res.devstate.DeviceState;
import org.switchboard.res.devstate.DeviceStates;

/** DEVICE_STATE(device): read any device's state, set a Custom: one (func_devstate). */
public final class DeviceStateFunction extends BaseFunction {
    public DeviceStateFunction() {
        super("DEVICE_STATE", "func_devstate", "Get or Set a device state.", "DEVICE_STATE(device)", """
                Reads the state of any device, for example
                  NoOp(SIP/mypeer has state ${DEVICE_STATE(SIP/mypeer)})
                A SIP peer is UNAVAILABLE when it has no address (not registered) or its qualify
                failed, BUSY at its call-limit, RINGING, RINGINUSE, ONHOLD or INUSE by its calls,
                else NOT_INUSE; a SIP/name that is not a peer is INVALID. Local/exten@context is
                INVALID when the extension does not exist, INUSE while a Local channel to it
                exists, else NOT_INUSE. A Skype/account is UNAVAILABLE while the account is not
                logged in. Other technologies are INUSE or RINGING while a channel of the device
                exists, UNKNOWN otherwise; a technology that is not loaded is INVALID.
                Custom device states are set from the dialplan with the 'Custom:' prefix:
                  Set(DEVICE_STATE(Custom:lamp1)=BUSY)
                and kept in the Asterisk database (family CustomDevstate), so they survive a
                restart. A hint can follow one: exten => 1234,hint,Custom:lamp1
                The values, read and written:
                UNKNOWN | NOT_INUSE | INUSE | BUSY | INVALID | UNAVAILABLE | RINGING | RINGINUSE | ONHOLD""");
    }

    @Override
    public String read(Channel channel, String args) {
        if (noChannel(channel)) return "";
        if (args == null || args.isBlank()) {
            warn("DEVICE_STATE requires a device, e.g. DEVICE_STATE(SIP/100)");
            return DeviceState.INVALID.name();
        }
        return DeviceStates.of(channel.pbx()).state(args).name();
    }

    @Override public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String args, String value) {
        if (noChannel(channel)) return;
        String data = args == null ? "" : args.strip();
        if (data.length() < 7 || !data.regionMatches(true, 0, "Custom:", 0, 7)) {
            warn("The DEVICE_STATE function can only be used to set 'Custom:' device state!");
            return;
        }
        String name = data.substring(7);
        if (name.isEmpty()) {
            warn("DEVICE_STATE function called with no custom device name!");
            return;
        }
        DeviceState state = DeviceState.parse(value);
        if (state == DeviceState.UNKNOWN) {
            error("DEVICE_STATE function given invalid state value '" + value + "'");
            return;
        }
        if (!DeviceStates.of(channel.pbx()).setCustom(name, state)) warn("DEVICE_STATE: could not store Custom:" + name + " in the database");
    }
}
