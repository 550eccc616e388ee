package org.switchboard.channels.skype;

import org.switchboard.net.xmpp.XmppChatInbox;
import java.util.List;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;

/** SKYPE_CHAT_RECEIVE(user[,timeout[,buddy]]): waits for a chat message to an account. */
public final class SkypeChatReceiveFunction implements DialplanFunction {
    static final int DEFAULT_TIMEOUT_S = 20;

    @Override public String name() { return "SKYPE_CHAT_RECEIVE"; }
    @Override public String synopsis() { return "Wait for a chat message from a Skype buddy"; }
    @Override public String syntax() { return "SKYPE_CHAT_RECEIVE(user[,timeout[,buddy]])"; }

    @Override
    public String description() {
        return """
                Blocks the channel until a chat message for the Skype account user (empty: the default_user account)
                arrives, from buddy when one is given, or timeout seconds pass (default 20, as JABBER_RECEIVE), and
                returns the message text ("" on timeout). The sender's name is left in SKYPECHATSENDER ("" on timeout).
                With several channels waiting on one account each message goes to exactly one of them, the one that
                has waited longest. A message that arrives while nobody waits is kept for message_hold seconds
                (chan_skype.conf, default 5) so that a reply racing the dialplan is not lost. Hanging up ends the wait.""";
    }

    @Override
    public String read(Channel c, String args) {
        List<String> a = AppArgs.split(args);
        String user = AppArgs.arg(a, 0).trim();
        String t = AppArgs.arg(a, 1).trim();
        String buddy = AppArgs.arg(a, 2).trim();
        double timeout = DEFAULT_TIMEOUT_S;
        if (!t.isEmpty()) {
            try {
                timeout = Double.parseDouble(t);
                if (timeout < 0 || Double.isNaN(timeout)) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                PbxLog.warning(SkypeModule.NAME, name() + ": invalid timeout '" + t + "'; waiting " + DEFAULT_TIMEOUT_S + " s");
                timeout = DEFAULT_TIMEOUT_S;
            }
        }
        if (c != null) c.setVar("SKYPECHATSENDER", "");
        SkypeAccount acc = SkypeDialplan.account(name(), c, user);
        if (acc == null) return "";
        String from = null;
        if (!buddy.isEmpty()) {
            from = SkypeDialplan.buddy(name(), acc, buddy);
            if (from == null) return "";
        }
        XmppChatInbox.Incoming m = acc.inbox().await(c, from, Math.round(timeout * 1000));
        if (m == null) return "";
        if (c != null) c.setVar("SKYPECHATSENDER", m.sender());
        return m.body();
    }
}
