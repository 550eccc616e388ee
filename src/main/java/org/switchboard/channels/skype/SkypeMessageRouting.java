package org.switchboard.channels.skype;

import org.switchboard.net.xmpp.XmppChatInbox;
import org.switchboard.core.Channel;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.core.message.TextMessage;
import org.switchboard.dialplan.Dialplan;

/**
 * chat_context: a message no {@code SKYPE_CHAT_RECEIVE} waits for starts a Message channel in the
 * account's chat context, at the sender's bare name when that extension exists, else at {@code s},
 * with {@code MESSAGE(body|from|to)} readable and {@code MessageSend} to reply (Asterisk's message API).
 */
final class SkypeMessageRouting {
    private SkypeMessageRouting() {}

    /** @return false when the account routes no chat (the message is held for a waiter then) */
    static boolean route(Pbx pbx, SkypeAccount account, XmppChatInbox.Incoming m) {
        String ctx = account.config().chatContext();
        if (ctx == null) return false;
        Dialplan dp = pbx.dialplan();
        if (dp.context(ctx) == null) {
            // one line per message a stranger sends: rate-limited per sender
            PbxLog.limited(PbxLog.Level.WARNING, SkypeAccount.LOG, m.from(), "Skype account '" + account.name() + "': chat_context '"
                    + ctx + "' does not exist in the dialplan; message from " + m.sender() + " is held for SKYPE_CHAT_RECEIVE");
            return false;
        }
        String local = m.from().substring(0, Math.max(0, m.from().indexOf('@')));
        String exten = !local.isEmpty() && dp.exists(ctx, local, 1, null) ? local : "s";
        Channel c = TextMessage.route(pbx, new TextMessage(m.body(), "skype:" + m.from(), "skype:" + account.name(), account.name()), ctx, exten);
        c.setVar("SKYPECHATSENDER", m.sender());
        pbx.startPbx(c);
        return true;
    }
}
