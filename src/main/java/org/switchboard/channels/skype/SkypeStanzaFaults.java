package org.switchboard.channels.skype;

import java.util.function.Supplier;
import org.jivesoftware.smack.packet.Stanza;
import org.switchboard.core.PbxLog;
import org.switchboard.net.xmpp.StanzaHead;
import org.switchboard.net.xmpp.TolerantXmppConnection;

/**
 * The log lines for stanzas an account's connection dropped. Anyone on the network can send what
 * we cannot read, as often as they like: one NOTICE per sender and burst (PbxLog.limited), naming
 * the stanza and why, never a stack trace. A stanza we could not write is our bug: a WARNING.
 */
final class SkypeStanzaFaults implements TolerantXmppConnection.Faults {
    private final Supplier<String> account;

    SkypeStanzaFaults(Supplier<String> account) { this.account = account; }

    @Override
    public void unreadable(StanzaHead head, String why) {
        PbxLog.limited(PbxLog.Level.NOTICE, SkypeAccount.LOG, peer(head.sender()), "Skype account '" + account.get() + "': dropped a "
                + head.describe() + " from " + head.sender() + " that it could not read: " + why);
    }

    @Override
    public void unsendable(Stanza stanza, String why) {
        String to = String.valueOf(stanza.getTo());
        PbxLog.limited(PbxLog.Level.WARNING, SkypeAccount.LOG, peer(to), "Skype account '" + account.get() + "': could not write a "
                + stanza.getClass().getSimpleName() + " to " + to + ", not sent: " + why);
    }

    /** Rate limits count per sending account, whichever resource it uses. */
    static String peer(String jid) {
        int slash = jid.indexOf('/');
        return slash < 0 ? jid : jid.substring(0, slash);
    }
}
