package org.switchboard.channels.skype;

import java.util.List;
import java.util.Locale;
import org.switchboard.core.Application;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** MessageSend(destination[,from[,to]]): sends MESSAGE(body) out, as Asterisk's message API does; skype: only for now. */
public final class MessageSendApp implements Application {
    @Override public String name() { return "MessageSend"; }
    @Override public String module() { return SkypeModule.NAME; }
    @Override public String synopsis() { return "Send a text message"; }
    @Override public String syntax() { return "MessageSend(destination[,from[,to]])"; }

    @Override
    public String description() {
        return """
                Sends the channel's MESSAGE(body) to destination, a URI of the form skype:buddy (a bare buddy name or
                name@domain; xmpp: is read the same). from names the Skype account that sends it (account, or
                skype:account); when empty, the account the message arrived on, else the default_user account.
                Sets MESSAGE_SEND_STATUS to SUCCESS, FAILURE (account unknown or logged out), INVALID_PROTOCOL (not
                skype:) or INVALID_URI (no valid buddy).""";
    }

    @Override
    public Result execute(Channel c, String data) {
        List<String> a = AppArgs.split(data);
        String dest = AppArgs.arg(a, 0).trim();
        String from = AppArgs.arg(a, 1).trim();
        c.setVar("MESSAGE_SEND_STATUS", send(c, dest, from));
        return Result.CONTINUE;
    }

    private String send(Channel c, String dest, String from) {
        int colon = dest.indexOf(':');
        String proto = colon < 0 ? "" : dest.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!proto.equals("skype") && !proto.equals("xmpp")) {
            PbxLog.warning("message.c", "MessageSend: no message technology '" + (colon < 0 ? dest : proto)
                    + "' (destination must be skype:buddy)");
            return "INVALID_PROTOCOL";
        }
        SkypeMessage m = SkypeMessage.of(c, false);
        String user = from.startsWith("skype:") ? from.substring(6) : from;
        if (user.isEmpty() && m != null && m.account != null) user = m.account;
        SkypeAccount acc = SkypeDialplan.account(name(), c, user);
        if (acc == null) return "FAILURE";
        String jid = SkypeNames.bareJid(dest.substring(colon + 1), acc.domain());
        if (jid == null) {
            PbxLog.warning("message.c", "MessageSend: invalid destination '" + dest + "'");
            return "INVALID_URI";
        }
        String body = m == null ? "" : m.body;
        return acc.sendChat(jid, body) ? "SUCCESS" : "FAILURE";
    }
}
