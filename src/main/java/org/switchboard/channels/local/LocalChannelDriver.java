package org.switchboard.channels.local;

import org.switchboard.core.Channel;
import org.switchboard.core.ChannelDriver;
import org.switchboard.core.ChannelUnavailableException;
import org.switchboard.core.HangupCause;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.res.devstate.DeviceState;
import org.switchboard.res.devstate.DeviceStates;

/**
 * {@code Local/exten@context[/n]}: a channel made of two halves, so that a piece of dialplan can
 * be dialed like a phone. {@code ;1} is returned to the dialer; {@code ;2} runs exten@context.
 */
public final class LocalChannelDriver implements ChannelDriver {
    @Override public String technology() { return "Local"; }
    @Override public String description() { return "Local Proxy Channel Driver"; }

    private volatile Pbx pbx;
    private final DeviceStates.Provider states = this::deviceState;

    @Override
    public void load(Pbx pbx) {
        this.pbx = pbx;
        DeviceStates.of(pbx).register(technology(), states);
    }

    @Override
    public void unload() {
        Pbx p = pbx;
        if (p != null) DeviceStates.of(p).unregister(technology(), states);
    }

    /**
     * core_local's devicestate: INUSE while a Local channel to exten@context exists, else
     * NOT_INUSE when the extension exists, else INVALID; options after a slash are ignored.
     */
    private DeviceState deviceState(String resource) {
        Pbx p = pbx;
        String dest = resource;
        int slash = dest.indexOf('/');
        if (slash >= 0) dest = dest.substring(0, slash);
        int at = dest.indexOf('@');
        if (at < 0) {
            PbxLog.warning("core_local.c", "Someone used Local/" + resource + " somewhere without a @context. This is bad.");
            return DeviceState.INVALID;
        }
        for (org.switchboard.core.Channel c : p.channels().byPrefix("Local/" + dest + "-")) {
            if (!c.isDestroyed()) return DeviceState.INUSE;
        }
        return p.dialplan().exists(dest.substring(at + 1), dest.substring(0, at), 1, null) ? DeviceState.NOT_INUSE : DeviceState.INVALID;
    }

    @Override
    public Channel request(Pbx pbx, String data, Channel requestor) throws ChannelUnavailableException {
        String dest = data.trim();
        String options = "";
        int slash = dest.indexOf('/');
        if (slash >= 0) {
            options = dest.substring(slash + 1);
            dest = dest.substring(0, slash);
        }
        if (dest.isEmpty()) {
            throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT, "Local channel needs exten@context, got '" + data + "'");
        }
        int at = dest.indexOf('@');
        String exten = at < 0 ? dest : dest.substring(0, at);
        String context = at < 0 || at == dest.length() - 1 ? "default" : dest.substring(at + 1);
        LocalPair pair = new LocalPair(pbx, exten, context, options, requestor);
        return pair.owner();
    }
}
