package org.switchboard.res.devstate;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.res.astdb.AstDb;

/**
 * Where a device's state comes from (Asterisk's devicestate.c), one per PBX: a channel technology
 * that knows its devices registers a {@link Provider} ({@code SIP} peers, {@code Local}
 * extensions, {@code Skype} accounts); a technology without one is in use while a channel of the
 * device exists; {@code Custom:name} devices are set from the dialplan and kept in the AstDB
 * family {@code CustomDevstate}, as func_devstate keeps them.
 */
public final class DeviceStates {
    /** A technology's own answer for {@code Tech/resource}; UNKNOWN lets the channels decide. */
    @FunctionalInterface
    public interface Provider {
        DeviceState state(String resource);
    }

    /** func_devstate's AstDB family for Custom: devices. */
    public static final String CUSTOM_FAMILY = "CustomDevstate";

    private final Pbx pbx;
    private final Map<String, Provider> byTech = new ConcurrentHashMap<>();

    private DeviceStates(Pbx pbx) { this.pbx = pbx; }

    public static DeviceStates of(Pbx pbx) { return pbx.service(DeviceStates.class, DeviceStates::new); }

    public void register(String technology, Provider p) { byTech.put(technology.toLowerCase(Locale.ROOT), p); }

    public void unregister(String technology, Provider p) { byTech.remove(technology.toLowerCase(Locale.ROOT), p); }

    /**
     * ast_device_state: {@code Tech/resource} asks the technology's provider, then the channels;
     * a technology nobody has is INVALID; {@code Custom:name} reads the AstDB; anything else
     * (no {@code /}, an unknown {@code Provider:}) is INVALID.
     */
    public DeviceState state(String device) {
        if (device == null || device.isBlank()) return DeviceState.INVALID;
        String d = device.strip();
        int slash = d.indexOf('/');
        if (slash < 0) {
            int colon = d.indexOf(':');
            if (colon < 0) return DeviceState.INVALID;
            if (d.substring(0, colon).equalsIgnoreCase("Custom")) return custom(d.substring(colon + 1));
            return DeviceState.INVALID;
        }
        String tech = d.substring(0, slash);
        Provider p = byTech.get(tech.toLowerCase(Locale.ROOT));
        if (p != null) {
            DeviceState s;
            try {
                s = p.state(d.substring(slash + 1));
            } catch (RuntimeException e) {
                PbxLog.warning("devicestate.c", "Device state of " + d + " could not be read: " + e);
                s = DeviceState.UNKNOWN;
            }
            return s != DeviceState.UNKNOWN ? s : fromChannels(d);
        }
        if (pbx.modules().driver(tech) == null) return DeviceState.INVALID;
        return fromChannels(d);
    }

    /**
     * ast_parse_device_state: RINGING or INUSE when a channel {@code device-...} exists (the
     * first found decides, as in Asterisk), else UNKNOWN.
     */
    public DeviceState fromChannels(String device) {
        for (Channel ch : pbx.channels().byPrefix(device + "-")) {
            if (ch.isDestroyed()) continue;
            return ch.state() == ChannelState.RINGING ? DeviceState.RINGING : DeviceState.INUSE;
        }
        return DeviceState.UNKNOWN;
    }

    /** The state a Custom: device was last set to (UNKNOWN when never set). */
    public DeviceState custom(String name) {
        if (name.isEmpty()) return DeviceState.UNKNOWN;
        return DeviceState.parse(AstDb.of(pbx).get(CUSTOM_FAMILY, name));
    }

    /** Sets a Custom: device, keeps it in the AstDB and tells whoever watches; false when the AstDB refused the write. */
    public boolean setCustom(String name, DeviceState state) {
        boolean ok = AstDb.of(pbx).put(CUSTOM_FAMILY, name, state.name());
        changed("Custom:" + name);
        return ok;
    }

    /** ast_devstate_changed: the device may have a new state; watchers (the Manager's events) look again. */
    public void changed(String device) {
        DeviceStateWatch w = pbx.lookup(DeviceStateWatch.class);
        if (w != null) w.recheck(device);
    }

    /** The device a channel belongs to: its name without the {@code -suffix} (SIP/100-0000001a is SIP/100). */
    public static String deviceOf(String channelName) {
        int dash = channelName.lastIndexOf('-');
        return dash <= 0 ? channelName : channelName.substring(0, dash);
    }
}
