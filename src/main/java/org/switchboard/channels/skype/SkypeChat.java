package org.switchboard.channels.skype;

import java.util.concurrent.atomic.AtomicLong;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.impl.JidCreate;
import org.switchboard.core.PbxLog;
import org.switchboard.net.xmpp.XmlText;
import org.switchboard.net.xmpp.XmppChatBody;
import org.switchboard.net.xmpp.XmppChatInbox;
import org.switchboard.net.xmpp.XmppFailures;
import org.switchboard.net.xmpp.XmppLoginLoop;

/**
 * An account's chat: messages out, messages in on their way to SKYPE_CHAT_RECEIVE (or to
 * {@code chat_context=}), bounces logged, and a SkypeChatMessage event for each message.
 */
final class SkypeChat {
    private final SkypeAccount account;
    private final SkypeAccountEvents events;
    private final XmppChatInbox inbox;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    SkypeChat(SkypeAccount account, SkypeAccountEvents events, SkypeConfig.Account cfg) {
        this.account = account;
        this.events = events;
        this.inbox = new XmppChatInbox(cfg.messageHoldMs());
        route(cfg);
    }

    XmppChatInbox inbox() { return inbox; }
    long sent() { return sent.get(); }
    long received() { return received.get(); }

    /** A message nobody waits for runs chat_context when the account has one. */
    void route(SkypeConfig.Account a) {
        inbox.setRouter(a.chatContext() == null ? null : m -> SkypeMessageRouting.route(account.pbx(), account, m));
    }

    /** Settings a reload may change without a new login. */
    void update(SkypeConfig.Account next) {
        inbox.setHoldMs(next.messageHoldMs());
        route(next);
    }

    /** Smack calls these on its own threads: each runs bound to the account's PBX log. */
    void attach(XMPPTCPConnection c) {
        c.addSyncStanzaListener(s -> account.onPbx(() -> onMessage(s)),
                new AndFilter(MessageTypeFilter.NORMAL_OR_CHAT, MessageWithBodiesFilter.INSTANCE));
        c.addAsyncStanzaListener(s -> account.onPbx(() -> bounced(s)), MessageTypeFilter.ERROR);
    }

    private void bounced(Stanza s) {
        PbxLog.limited(PbxLog.Level.NOTICE, SkypeAccount.LOG, SkypeStanzaFaults.peer(String.valueOf(s.getFrom())), "Skype account '"
                + account.name() + "': message to " + s.getFrom() + " bounced: " + (s.getError() == null ? "error" : s.getError().getCondition()));
    }

    /** Sends a chat message; false (with a log line) when the account is not logged in or the stanza cannot go. */
    boolean send(String bareJid, String text) {
        XMPPTCPConnection c = account.connection();
        String name = account.name();
        if (c == null || !account.isLoggedIn()) {
            String lastError = account.lastError();
            PbxLog.warning(SkypeAccount.LOG, "Skype account '" + name + "' is not logged in" + (lastError.isEmpty() ? "" : " (" + lastError + ")")
                    + ": chat message to " + account.display(bareJid) + " not sent");
            return false;
        }
        try {
            Message m = c.getStanzaFactory().buildMessageStanza().to(JidCreate.entityBareFrom(bareJid))
                    .ofType(Message.Type.chat).addExtension(new XmppChatBody(XmlText.xmlSafe(text))).build();
            c.sendStanza(m);
        } catch (Exception e) {
            PbxLog.warning(SkypeAccount.LOG, "Skype account '" + name + "': chat message to " + account.display(bareJid) + " not sent: " + XmppFailures.reason(e));
            return false;
        }
        sent.incrementAndGet();
        events.chatMessage(account.display(bareJid), name, text);
        return true;
    }

    private void onMessage(Stanza s) {
        Message m = (Message) s;
        if (m.getFrom() == null) return;
        String from = m.getFrom().asBareJid().toString();
        String body = m.getBody();
        if (body == null) return;
        received.incrementAndGet();
        SkypeConfig.Account cfg = account.config();
        String sender = account.display(from);
        events.chatMessage(cfg.name(), sender, body);
        XmppChatInbox.Outcome o = inbox.deliver(new XmppChatInbox.Incoming(from, sender, body, System.nanoTime()));
        if (o == XmppChatInbox.Outcome.HELD) {
            SkypeAccount.remoteVerbose(from, "Skype chat message from " + sender + " to " + cfg.name() + " is held " + XmppLoginLoop.seconds(cfg.messageHoldMs())
                    + " for SKYPE_CHAT_RECEIVE (nobody waits" + (cfg.chatContext() == null ? "; chat_context= would route it)" : ")"));
        }
    }
}
