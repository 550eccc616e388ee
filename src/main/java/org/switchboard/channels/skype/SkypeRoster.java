package org.switchboard.channels.skype;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterListener;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.switchboard.core.PbxLog;
import org.switchboard.net.xmpp.XmppFailures;

/**
 * An account's buddy list: its XMPP roster read with Skype's status strings, subscription
 * requests answered by {@code authpolicy=}, and a SkypeBuddyStatus event when a buddy's status changes.
 */
final class SkypeRoster {
    private final SkypeAccount account;
    private final SkypeAccountEvents events;
    private final Map<String, String> buddyStatus = new ConcurrentHashMap<>();
    private volatile Roster roster;

    SkypeRoster(SkypeAccount account, SkypeAccountEvents events) {
        this.account = account;
        this.events = events;
    }

    Roster roster() { return roster; }

    void attach(XMPPTCPConnection c) {
        Roster r = Roster.getInstanceFor(c);
        r.setSubscriptionMode(Roster.SubscriptionMode.manual);
        // Smack calls these on its own threads: each runs bound to the account's PBX log
        r.addSubscribeListener((from, p) -> PbxLog.within(account.pbx().log(), () -> onSubscribe(from, p)));
        r.addRosterListener(new RosterListener() {
            @Override public void entriesAdded(Collection<Jid> jids) { account.onPbx(() -> jids.forEach(SkypeRoster.this::refresh)); }
            @Override public void entriesUpdated(Collection<Jid> jids) { account.onPbx(() -> jids.forEach(SkypeRoster.this::refresh)); }
            @Override public void entriesDeleted(Collection<Jid> jids) { account.onPbx(() -> jids.forEach(SkypeRoster.this::refresh)); }
            @Override public void presenceChanged(Presence p) { account.onPbx(() -> refresh(p.getFrom())); }
        });
        roster = r;
    }

    /** After login: the roster as the server has it now. */
    void reload() throws Exception { roster.reloadAndWait(); }

    /** Logged out: no buddy's status is known any more. */
    void forget() { buddyStatus.clear(); }

    SkypeAccount.Reach reach(String bareJid) {
        Roster r = roster;
        if (r == null) return SkypeAccount.Reach.OK;
        try {
            BareJid b = JidCreate.bareFrom(bareJid);
            RosterEntry e = r.getEntry(b);
            if (e == null) {
                return account.config().authPolicy() == SkypeConfig.AuthPolicy.DENY ? SkypeAccount.Reach.NOT_A_BUDDY : SkypeAccount.Reach.OK;
            }
            boolean seesPresence = e.getType() == ItemType.to || e.getType() == ItemType.both;
            return seesPresence && !r.getPresence(b).isAvailable() ? SkypeAccount.Reach.OFFLINE : SkypeAccount.Reach.OK;
        } catch (Exception e) {
            return SkypeAccount.Reach.OK;
        }
    }

    /** On our roster with a subscription either way. */
    boolean isBuddy(String bareJid) {
        Roster r = roster;
        if (r == null) return false;
        try {
            RosterEntry e = r.getEntry(JidCreate.bareFrom(bareJid));
            return e != null && e.getType() != ItemType.none && e.getType() != ItemType.remove;
        } catch (Exception e) {
            return false;
        }
    }

    /** The roster's name for a buddy, or null. */
    String rosterName(String bareJid) {
        Roster r = roster;
        if (r == null) return null;
        try {
            RosterEntry e = r.getEntry(JidCreate.bareFrom(bareJid));
            return e == null || e.getName() == null || e.getName().isBlank() ? null : e.getName();
        } catch (Exception e) {
            return null;
        }
    }

    private SubscribeListener.SubscribeAnswer onSubscribe(Jid from, Presence p) {
        String who = from.asBareJid().toString();
        SkypeConfig.Account cfg = account.config();
        if (cfg.authPolicy() == SkypeConfig.AuthPolicy.ALLOW) {
            SkypeAccount.remoteVerbose(who, "Skype account '" + cfg.name() + "': " + who + " asked to be a buddy: approved (authpolicy=allow)");
            return SubscribeListener.SubscribeAnswer.ApproveAndAlsoRequestIfRequired;
        }
        SkypeAccount.remoteVerbose(who, "Skype account '" + cfg.name() + "': " + who + " asked to be a buddy: refused (authpolicy=deny)");
        return SubscribeListener.SubscribeAnswer.Deny;
    }

    void refreshAll() {
        Roster r = roster;
        if (r == null) return;
        for (RosterEntry e : r.getEntries()) refresh(e.getJid());
    }

    private void refresh(Jid jid) {
        if (jid == null) return;
        Roster r = roster;
        if (r == null) return;
        BareJid bare = jid.asBareJid();
        String key = bare.toString();
        String name = account.name();
        RosterEntry e = r.getEntry(bare);
        if (e == null) {
            if (buddyStatus.remove(key) != null) {
                PbxLog.verbose(3, "Skype account '" + name + "': buddy " + account.display(key) + " removed");
            }
            return;
        }
        String status = SkypeStatus.of(e.getType(), r.getPresence(bare));
        String prev = buddyStatus.put(key, status);
        if (!status.equals(prev)) {
            PbxLog.verbose(3, "Skype buddy " + name + "@" + account.display(key) + " is now " + status);
            events.buddyStatus(name, account.display(key), status);
        }
    }

    /** The buddy list now, sorted by name; empty while logged out. */
    List<SkypeAccount.Buddy> buddies() {
        Roster r = roster;
        List<SkypeAccount.Buddy> out = new ArrayList<>();
        if (r == null || !account.isLoggedIn()) return out;
        for (RosterEntry e : r.getEntries()) {
            String jid = e.getJid().toString();
            String sub = e.getType().name() + (e.isSubscriptionPending() ? "+pending" : "");
            out.add(new SkypeAccount.Buddy(account.display(jid), jid, SkypeStatus.of(e.getType(), r.getPresence(e.getJid())), sub));
        }
        out.sort(Comparator.comparing(SkypeAccount.Buddy::name));
        return out;
    }

    /** One buddy's status; {@code Unknown} when not on the list or the account is logged out. */
    String buddyStatus(String bareJid) {
        Roster r = roster;
        if (r == null || !account.isLoggedIn()) return SkypeStatus.UNKNOWN;
        try {
            BareJid b = JidCreate.bareFrom(bareJid);
            RosterEntry e = r.getEntry(b);
            return e == null ? SkypeStatus.UNKNOWN : SkypeStatus.of(e.getType(), r.getPresence(b));
        } catch (Exception e) {
            return SkypeStatus.UNKNOWN;
        }
    }

    /** Adds a buddy and asks for their authorization, with an optional message. */
    boolean addBuddy(String bareJid, String message) {
        XMPPTCPConnection c = account.connection();
        Roster r = roster;
        if (c == null || r == null || !account.isLoggedIn()) return false;
        try {
            BareJid b = JidCreate.bareFrom(bareJid);
            if (r.getEntry(b) == null) r.createItem(b, SkypeNames.display(bareJid, account.domain()), null);
            c.sendStanza(c.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.subscribe).to(b)
                    .setStatus(message == null || message.isEmpty() ? null : message).build());
            return true;
        } catch (Exception e) {
            PbxLog.warning(SkypeAccount.LOG, "Skype account '" + account.name() + "': could not add buddy " + bareJid + ": " + XmppFailures.reason(e));
            return false;
        }
    }

    boolean removeBuddy(String bareJid) {
        Roster r = roster;
        if (r == null || !account.isLoggedIn()) return false;
        try {
            RosterEntry e = r.getEntry(JidCreate.bareFrom(bareJid));
            if (e == null) return false;
            r.removeEntry(e);
            return true;
        } catch (Exception e) {
            PbxLog.warning(SkypeAccount.LOG, "Skype account '" + account.name() + "': could not remove buddy " + bareJid + ": " + XmppFailures.reason(e));
            return false;
        }
    }
}
