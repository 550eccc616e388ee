package org.switchboard.channels.local;

import org.switchboard.core.Channel;
import org.switchboard.core.ChannelDriver;
import org.switchboard.core.ChannelUnavailableException;
import org.switchboard.core.HangupCause;
import org.switchboard.core.Pbx;

/**
 * {@code Local/exten@context[/n]}: a channel made of two halves, so that a piece of dialplan can
 * be dialed like a phone. {@code ;1} is returned to the dialer; {@code ;2} runs exten@context.
 */
public final class LocalChannelDriver implements ChannelDriver {
    @Override public String technology() { return "Local"; }
    @Override public String description() { return "Local Proxy Channel Driver"; }
    @Override public String module() { return "chan_local"; }

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
