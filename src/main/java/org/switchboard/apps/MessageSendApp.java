package org.switchboard.apps;

import java.util.List;
import java.util.Locale;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.core.message.MessageTech;
import org.switchboard.core.message.MessageTechs;
import org.switchboard.core.message.TextMessage;

/** MessageSend(destination[,from[,to]]): sends MESSAGE(body) out through the technology the destination's scheme names (Asterisk's message API). */
public final class MessageSendApp implements Application {
    @Override public String name() { return "MessageSend"; }
    @Override public String synopsis() { return "Send a text message"; }
    @Override public String syntax() { return "MessageSend(destination[,from[,to]])"; }

    @Override
    public String description() {
        return """
                Sends the channel's MESSAGE(body) to destination, a URI whose scheme names the technology that
                carries it: skype:buddy (a bare buddy name or name@domain) while the Skype channel is loaded,
                xmpp:user@domain[/resource] from a res_xmpp client (xmpp.conf) or a Skype account, sip:peer or
                sip:user@host through chan_sip. from names the sender in that technology's terms (the xmpp.conf
                client, the Skype account or skype:account); when empty, the endpoint the message arrived on,
                else the technology's default. When both res_xmpp and the Skype channel are loaded, xmpp: goes
                out through whichever of them has a client or account of that name. to, when given, replaces
                MESSAGE(to).
                Sets MESSAGE_SEND_STATUS to SUCCESS, FAILURE (the sender is unknown or offline),
                INVALID_PROTOCOL (no loaded technology for the scheme) or INVALID_URI (no valid address).""";
    }

    @Override
    public Result execute(Channel c, String data) {
        List<String> a = AppArgs.split(data);
        String dest = AppArgs.arg(a, 0).trim();
        String from = AppArgs.arg(a, 1).trim();
        String to = AppArgs.arg(a, 2).trim();
        c.setVar("MESSAGE_SEND_STATUS", send(c, dest, from, to).name());
        return Result.CONTINUE;
    }

    private static MessageTech.Status send(Channel c, String dest, String from, String to) {
        int colon = dest.indexOf(':');
        String scheme = colon < 0 ? "" : dest.substring(0, colon).toLowerCase(Locale.ROOT);
        TextMessage m = TextMessage.of(c, true);
        MessageTech tech = scheme.isEmpty() ? null : MessageTechs.of(c.pbx()).forSend(c, scheme, m, from);
        if (tech == null) {
            PbxLog.warning("message.c", "MessageSend: no message technology '" + (colon < 0 ? dest : scheme)
                    + "' loaded (destination must be a URI such as skype:buddy)");
            return MessageTech.Status.INVALID_PROTOCOL;
        }
        if (!to.isEmpty()) m.to = to;
        return tech.send(c, m, dest.substring(colon + 1), from);
    }
}
