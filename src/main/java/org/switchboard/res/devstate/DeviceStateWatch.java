package org.switchboard.res.devstate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.Pbx;

/**
 * The Manager's view of device and extension states: when a channel comes, changes state or
 * goes (or a Custom: device is set), the device's state is looked at again, and a change is
 * published as {@code DeviceStateChange} and, for every hint that names the device, as
 * {@code ExtensionStatus}. Fed from the Manager's own event subscription, so it costs nothing
 * while no Manager client listens.
 */
public final class DeviceStateWatch {
    private static final int MAX_DEVICES = 10_000;

    private final Pbx pbx;
    private final Map<String, DeviceState> devices = new ConcurrentHashMap<>();
    private final Map<String, Integer> extensions = new ConcurrentHashMap<>();
    /** The hints of the dialplan snapshot last looked at, so a channel event does not walk every context. */
    private volatile HintList hints;

    private record HintList(org.switchboard.dialplan.Dialplan dialplan, java.util.List<Hints.Hint> all) {}

    private DeviceStateWatch(Pbx pbx) { this.pbx = pbx; }

    public static DeviceStateWatch of(Pbx pbx) { return pbx.service(DeviceStateWatch.class, DeviceStateWatch::new); }

    /** Looks at a channel event: the channel's device may have changed state. */
    public void observe(ManagerEvent e) {
        switch (e.name()) {
            case "Newchannel", "Newstate", "Hangup" -> {
                String ch = e.get("Channel");
                if (ch != null && !ch.isEmpty()) recheck(DeviceStates.deviceOf(ch));
            }
            default -> { }
        }
    }

    private java.util.List<Hints.Hint> hints() {
        org.switchboard.dialplan.Dialplan dp = pbx.dialplan();
        HintList h = hints;
        if (h == null || h.dialplan() != dp) hints = h = new HintList(dp, Hints.all(pbx));
        return h.all();
    }

    /** ast_devstate_changed: the device's state now, published when it differs from the last one seen. */
    public void recheck(String device) {
        DeviceState now = DeviceStates.of(pbx).state(device);
        // guests from ever new addresses make ever new devices: forget them all rather than grow
        if (devices.size() >= MAX_DEVICES && !devices.containsKey(device)) devices.clear();
        DeviceState before = devices.put(device, now);
        if (before == now) return;
        if (!pbx.events().hasSubscribers()) return;
        pbx.events().publish(ManagerEvent.of("DeviceStateChange", "call").put("Device", device).put("State", now.name()).build());
        for (Hints.Hint h : hints()) {
            if (!h.watches(device)) continue;
            int state = Hints.state(pbx, h);
            Integer old = extensions.put(h.exten() + "@" + h.context(), state);
            if (old != null && old == state) continue;
            pbx.events().publish(ManagerEvent.of("ExtensionStatus", "call").put("Exten", h.exten()).put("Context", h.context())
                    .put("Hint", h.text()).put("Status", state).put("StatusText", ExtensionStates.text(state)).build());
        }
    }
}
