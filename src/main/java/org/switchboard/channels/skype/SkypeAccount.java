package org.switchboard.channels.skype;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterListener;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.net.xmpp.TolerantXmppConnection;
import org.switchboard.net.xmpp.XmlText;
import org.switchboard.net.xmpp.XmppChatBody;
import org.switchboard.net.xmpp.XmppChatInbox;
import org.switchboard.net.xmpp.XmppClientSettings;
import org.switchboard.net.xmpp.XmppFailures;
import org.switchboard.net.xmpp.XmppLoginLoop;
import org.switchboard.net.xmpp.XmppTrust;

/**
 * One chan_skype.conf account: an XMPP client connection kept logged in (STARTTLS required,
 * SASL SCRAM, reconnect with backoff), its roster as the buddy list with Skype's status strings,
 * and its chat messages on their way to the dialplan. Nothing here throws into the PBX: every
 * failure is a log line.
 */
public final class SkypeAccount {
    static final String LOG = "chan_skype";
    private static final long FIRST_RETRY_MS = 500;

    /** One buddy as {@code skype show buddies} and SKYPE_BUDDIES see it. */
    public record Buddy(String name, String jid, String status, String subscription) {}

    public enum State { CONNECTING, LOGGED_IN, LOGGED_OUT, STOPPED }

    private final Pbx pbx;
    private volatile SkypeConfig.Account cfg;
    private final XmppChatInbox inbox;
    private volatile Roster roster;
    private volatile State state = State.CONNECTING;
    private volatile String lastError = "";
    private final XmppLoginLoop loop;
    private final Map<String, String> buddyStatus = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile long loggedInAt;
    private final SkypeJingle jingle;
    private final SkypeCallRate proposals = new SkypeCallRate();
    private volatile boolean onPhone;

    SkypeAccount(Pbx pbx, SkypeConfig.Account cfg) {
        this.pbx = pbx;
        this.cfg = cfg;
        this.inbox = new XmppChatInbox(cfg.messageHoldMs());
        this.jingle = new SkypeJingle(this);
        this.loop = new XmppLoginLoop("skype-" + cfg.name(), new Session());
        routeChat(cfg);
    }

    private void routeChat(SkypeConfig.Account a) {
        inbox.setRouter(a.chatContext() == null ? null : m -> SkypeMessageRouting.route(pbx, this, m));
    }

    public String name() { return cfg.name(); }
    public String jid() { return cfg.jid(); }
    public String domain() { return cfg.domain(); }
    public SkypeConfig.Account config() { return cfg; }
    public State state() { return state; }
    public boolean isLoggedIn() { return state == State.LOGGED_IN; }
    public String lastError() { return lastError; }
    public long messagesSent() { return sent.get(); }
    public long messagesReceived() { return received.get(); }
    XmppChatInbox inbox() { return inbox; }
    Pbx pbx() { return pbx; }
    SkypeModule module() { return SkypeModule.get(pbx); }
    SkypeJingle jingle() { return jingle; }
    SkypeCallRate proposals() { return proposals; }
    XMPPTCPConnection connection() { return loop.connection(); }
    Roster roster() { return roster; }

    /** Our full JID on the network now ({@code lmentinc@skype.example/switchboard}). */
    String fullJid() {
        XMPPTCPConnection c = loop.connection();
        return c != null && c.getUser() != null ? c.getUser().toString() : cfg.jid() + "/" + cfg.resource();
    }

    /** Whether a call to this buddy can go out: who is known to be offline, or not a buddy under authpolicy=deny, cannot be called. */
    enum Reach { OK, OFFLINE, NOT_A_BUDDY }

    Reach reach(String bareJid) {
        Roster r = roster;
        if (r == null) return Reach.OK;
        try {
            BareJid b = JidCreate.bareFrom(bareJid);
            RosterEntry e = r.getEntry(b);
            if (e == null) return cfg.authPolicy() == SkypeConfig.AuthPolicy.DENY ? Reach.NOT_A_BUDDY : Reach.OK;
            boolean seesPresence = e.getType() == org.jivesoftware.smack.roster.packet.RosterPacket.ItemType.to
                || e.getType() == org.jivesoftware.smack.roster.packet.RosterPacket.ItemType.both;
            return seesPresence && !r.getPresence(b).isAvailable() ? Reach.OFFLINE : Reach.OK;
        } catch (Exception e) {
            return Reach.OK;
        }
    }

    /** On our roster with a subscription either way. */
    boolean isBuddy(String bareJid) {
        Roster r = roster;
        if (r == null) return false;
        try {
            RosterEntry e = r.getEntry(JidCreate.bareFrom(bareJid));
            return e != null && e.getType() != org.jivesoftware.smack.roster.packet.RosterPacket.ItemType.none
                && e.getType() != org.jivesoftware.smack.roster.packet.RosterPacket.ItemType.remove;
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

    /**
     * Every license is in use (or no longer): the account shows dnd "On the phone" while it is,
     * unless presence_on_call=no (row 12 of the feature table).
     */
    void setOnPhone(boolean busy) {
        if (onPhone == busy) return;
        onPhone = busy;
        XMPPTCPConnection c = loop.connection();
        if (c != null && isLoggedIn() && cfg.presenceOnCall()) sendOwnPresence(c);
    }

    // ---- life cycle ----

    void start() { loop.start(); }

    /** Logs out and stops reconnecting; waits a little for the goodbye to go out. */
    void stop() {
        jingle.connectionLost();
        loop.stop();
        state = State.STOPPED;
    }

    /** Settings that need no new login (context, authpolicy, status, chat routing, hold time). */
    void update(SkypeConfig.Account next) {
        SkypeConfig.Account prev = cfg;
        cfg = next;
        inbox.setHoldMs(next.messageHoldMs());
        routeChat(next);
        if (!prev.status().equals(next.status()) || !prev.statusMessage().equals(next.statusMessage())) {
            XMPPTCPConnection c = loop.connection();
            if (c != null && isLoggedIn()) sendOwnPresence(c);
        }
    }

    /** What the login loop asks of a Skype account: its connection, and what to show and log as it comes and goes. */
    private final class Session implements XmppLoginLoop.Client {
        @Override
        public XMPPTCPConnection open() throws Exception {
            XMPPTCPConnection c = new TolerantXmppConnection(connectionConfig(), new SkypeStanzaFaults(SkypeAccount.this::name));
            wire(c);
            return c;
        }

        @Override
        public void loggedIn(XMPPTCPConnection c) throws Exception {
            roster.reloadAndWait();
            lastError = "";
            refreshAll();
            sendOwnPresence(c);
            loggedInAt = System.currentTimeMillis();
            setState(State.LOGGED_IN, "logged in as " + c.getUser() + " via " + where());
        }

        @Override
        public void lost(String reason, boolean conflict) {
            jingle.connectionLost();
            // another client took our resource: the loop does not fight it every half second
            if (conflict) reason += " (another client logged in as " + cfg.jid() + "/" + cfg.resource() + ")";
            lastError = reason;
            setState(State.LOGGED_OUT, "lost the connection to " + where() + ": " + reason + "; reconnecting");
        }

        @Override
        public void failed(int attempt, String reason, long retryMs) {
            lastError = reason;
            PbxLog.warning(LOG, "Skype account '" + cfg.name() + "' (" + cfg.jid() + "): login to " + where()
                    + " failed (attempt " + attempt + "): " + reason + "; retrying in " + seconds(retryMs));
        }

        @Override public long reconnectMaxMs() { return cfg.reconnectMaxMs(); }

        @Override
        public void stopped() {
            if (state == State.LOGGED_IN) setState(State.LOGGED_OUT, "logged out");
            buddyStatus.clear();
        }
    }

    private static String seconds(long ms) { return XmppLoginLoop.seconds(ms); }

    private String where() {
        return (cfg.server() == null ? cfg.domain() : cfg.server()) + ":" + cfg.port();
    }

    private void setState(State s, String why) {
        State prev = state;
        state = s;
        if (s == State.LOGGED_IN) {
            PbxLog.verbose(2, "Skype account '" + cfg.name() + "' " + why);
        } else if (prev == State.LOGGED_IN) {
            PbxLog.notice(LOG, "Skype account '" + cfg.name() + "' " + why);
        }
        boolean in = s == State.LOGGED_IN;
        if (in != (prev == State.LOGGED_IN)) {
            pbx.events().publish(ManagerEvent.of("SkypeAccountStatus", "system").put("Username", cfg.name())
                    .put("Status", in ? "Logged In" : "Logged Out").build());
        }
    }

    private XMPPTCPConnectionConfiguration connectionConfig() throws Exception {
        SkypeConfig.Account a = cfg;
        javax.net.ssl.X509TrustManager trust = null;
        if (!a.tlsVerify()) {
            trust = XmppTrust.trustAll();
        } else if (a.tlsCaFile() != null) {
            Path ca = Path.of(a.tlsCaFile());
            if (!ca.isAbsolute() && pbx.configDir() != null) ca = pbx.configDir().resolve(ca);
            try {
                trust = XmppTrust.trustFile(ca);
            } catch (Exception e) {
                throw new IllegalArgumentException("cannot use tls_ca_file " + ca + ": " + e.getMessage(), e);
            }
        }
        return new XmppClientSettings(a.domain(), a.localpart(), a.secret(), a.resource(), a.server(), a.port(), true, trust,
                !a.tlsVerify(), List.of("SCRAM-SHA-1")).configuration();
    }

    private void wire(XMPPTCPConnection c) {
        c.setReplyTimeout(10_000);
        c.addSyncStanzaListener(this::onMessage, new AndFilter(MessageTypeFilter.NORMAL_OR_CHAT, MessageWithBodiesFilter.INSTANCE));
        c.addAsyncStanzaListener(s -> PbxLog.limited(PbxLog.Level.NOTICE, LOG, SkypeStanzaFaults.peer(String.valueOf(s.getFrom())), "Skype account '"
                + cfg.name() + "': message to " + s.getFrom() + " bounced: " + (s.getError() == null ? "error" : s.getError().getCondition())),
                MessageTypeFilter.ERROR);
        jingle.attach(c);
        Roster r = Roster.getInstanceFor(c);
        r.setSubscriptionMode(Roster.SubscriptionMode.manual);
        r.addSubscribeListener(this::onSubscribe);
        r.addRosterListener(new RosterListener() {
            @Override public void entriesAdded(Collection<Jid> jids) { jids.forEach(SkypeAccount.this::refresh); }
            @Override public void entriesUpdated(Collection<Jid> jids) { jids.forEach(SkypeAccount.this::refresh); }
            @Override public void entriesDeleted(Collection<Jid> jids) { jids.forEach(SkypeAccount.this::refresh); }
            @Override public void presenceChanged(Presence p) { refresh(p.getFrom()); }
        });
        roster = r;
    }

    /** A verbose-3 line that anyone on the network can cause as often as they like: rate-limited per sender. */
    private static void remoteVerbose(String sender, String message) {
        if (PbxLog.isVerbose(3)) PbxLog.limited(PbxLog.Level.VERBOSE, LOG, sender, message);
    }

    private void sendOwnPresence(XMPPTCPConnection c) {
        try {
            boolean phone = onPhone && cfg.presenceOnCall();
            Presence p = c.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available)
                    .setMode(phone ? Presence.Mode.dnd : SkypeStatus.modeFor(cfg.status()))
                    .setStatus(phone ? "On the phone" : cfg.statusMessage().isEmpty() ? null : cfg.statusMessage()).build();
            c.sendStanza(p);
        } catch (SmackException.NotConnectedException | InterruptedException e) {
            // the reconnect loop notices
        }
    }

    /**
     * Changes what buddies see (AMI SkypeAccountProperty): availability as a Skype status string
     * or XMPP show value, and the status message; null keeps the current one. Lasts until reload.
     *
     * @return false when the availability is not one we know or the account is not logged in
     */
    public boolean setPresence(String availability, String message) {
        SkypeConfig.Account a = cfg;
        String status = a.status();
        if (availability != null) {
            String v = availability.trim().toLowerCase(java.util.Locale.ROOT);
            if (!java.util.Set.of("online", "available", "chat", "away", "xa", "na", "not available", "dnd",
                    "do not disturb").contains(v)) {
                return false;
            }
            status = availability.trim();
        }
        cfg = a.withStatus(status, message == null ? a.statusMessage() : message);
        XMPPTCPConnection c = loop.connection();
        if (c == null || !isLoggedIn()) return false;
        sendOwnPresence(c);
        return true;
    }

    // ---- buddies and presence ----

    private SubscribeListener.SubscribeAnswer onSubscribe(Jid from, Presence p) {
        String who = from.asBareJid().toString();
        if (cfg.authPolicy() == SkypeConfig.AuthPolicy.ALLOW) {
            remoteVerbose(who, "Skype account '" + cfg.name() + "': " + who + " asked to be a buddy: approved (authpolicy=allow)");
            return SubscribeListener.SubscribeAnswer.ApproveAndAlsoRequestIfRequired;
        }
        remoteVerbose(who, "Skype account '" + cfg.name() + "': " + who + " asked to be a buddy: refused (authpolicy=deny)");
        return SubscribeListener.SubscribeAnswer.Deny;
    }

    private void refreshAll() {
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
        RosterEntry e = r.getEntry(bare);
        if (e == null) {
            if (buddyStatus.remove(key) != null) {
                PbxLog.verbose(3, "Skype account '" + cfg.name() + "': buddy " + display(key) + " removed");
            }
            return;
        }
        String status = SkypeStatus.of(e.getType(), r.getPresence(bare));
        String prev = buddyStatus.put(key, status);
        if (!status.equals(prev)) {
            PbxLog.verbose(3, "Skype buddy " + cfg.name() + "@" + display(key) + " is now " + status);
            pbx.events().publish(ManagerEvent.of("SkypeBuddyStatus", "system")
                    .put("Buddy", "Skype/" + cfg.name() + "@" + display(key)).put("BuddyStatus", status).build());
        }
    }

    String display(String bareJid) { return SkypeNames.display(bareJid, cfg.domain()); }

    /** The buddy list now, sorted by name; empty while logged out. */
    public List<Buddy> buddies() {
        Roster r = roster;
        List<Buddy> out = new ArrayList<>();
        if (r == null || !isLoggedIn()) return out;
        for (RosterEntry e : r.getEntries()) {
            String jid = e.getJid().toString();
            String sub = e.getType().name() + (e.isSubscriptionPending() ? "+pending" : "");
            out.add(new Buddy(display(jid), jid, SkypeStatus.of(e.getType(), r.getPresence(e.getJid())), sub));
        }
        out.sort(Comparator.comparing(Buddy::name));
        return out;
    }

    /** One buddy's status; {@code Unknown} when not on the list or the account is logged out. */
    public String buddyStatus(String bareJid) {
        Roster r = roster;
        if (r == null || !isLoggedIn()) return SkypeStatus.UNKNOWN;
        try {
            BareJid b = JidCreate.bareFrom(bareJid);
            RosterEntry e = r.getEntry(b);
            return e == null ? SkypeStatus.UNKNOWN : SkypeStatus.of(e.getType(), r.getPresence(b));
        } catch (Exception e) {
            return SkypeStatus.UNKNOWN;
        }
    }

    /** Adds a buddy and asks for their authorization, with an optional message. */
    public boolean addBuddy(String bareJid, String message) {
        XMPPTCPConnection c = loop.connection();
        Roster r = roster;
        if (c == null || r == null || !isLoggedIn()) return false;
        try {
            BareJid b = JidCreate.bareFrom(bareJid);
            if (r.getEntry(b) == null) r.createItem(b, SkypeNames.display(bareJid, cfg.domain()), null);
            c.sendStanza(c.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.subscribe).to(b)
                    .setStatus(message == null || message.isEmpty() ? null : message).build());
            return true;
        } catch (Exception e) {
            PbxLog.warning(LOG, "Skype account '" + cfg.name() + "': could not add buddy " + bareJid + ": " + XmppFailures.reason(e));
            return false;
        }
    }

    public boolean removeBuddy(String bareJid) {
        Roster r = roster;
        if (r == null || !isLoggedIn()) return false;
        try {
            RosterEntry e = r.getEntry(JidCreate.bareFrom(bareJid));
            if (e == null) return false;
            r.removeEntry(e);
            return true;
        } catch (Exception e) {
            PbxLog.warning(LOG, "Skype account '" + cfg.name() + "': could not remove buddy " + bareJid + ": " + XmppFailures.reason(e));
            return false;
        }
    }

    // ---- chat ----

    /** Sends a chat message; false (with a log line) when the account is not logged in or the stanza cannot go. */
    public boolean sendChat(String bareJid, String text) {
        XMPPTCPConnection c = loop.connection();
        if (c == null || !isLoggedIn()) {
            PbxLog.warning(LOG, "Skype account '" + cfg.name() + "' is not logged in" + (lastError.isEmpty() ? "" : " (" + lastError + ")")
                    + ": chat message to " + display(bareJid) + " not sent");
            return false;
        }
        try {
            Message m = c.getStanzaFactory().buildMessageStanza().to(JidCreate.entityBareFrom(bareJid))
                    .ofType(Message.Type.chat).addExtension(new XmppChatBody(XmlText.xmlSafe(text))).build();
            c.sendStanza(m);
        } catch (Exception e) {
            PbxLog.warning(LOG, "Skype account '" + cfg.name() + "': chat message to " + display(bareJid) + " not sent: " + XmppFailures.reason(e));
            return false;
        }
        sent.incrementAndGet();
        publishChat(display(bareJid), cfg.name(), text);
        return true;
    }

    private void onMessage(Stanza s) {
        Message m = (Message) s;
        if (m.getFrom() == null) return;
        String from = m.getFrom().asBareJid().toString();
        String body = m.getBody();
        if (body == null) return;
        received.incrementAndGet();
        String sender = display(from);
        publishChat(cfg.name(), sender, body);
        XmppChatInbox.Outcome o = inbox.deliver(new XmppChatInbox.Incoming(from, sender, body, System.nanoTime()));
        if (o == XmppChatInbox.Outcome.HELD) {
            remoteVerbose(from, "Skype chat message from " + sender + " to " + cfg.name() + " is held " + seconds(cfg.messageHoldMs())
                    + " for SKYPE_CHAT_RECEIVE (nobody waits" + (cfg.chatContext() == null ? "; chat_context= would route it)" : ")"));
        }
    }

    private void publishChat(String to, String from, String text) {
        if (!pbx.events().hasSubscribers()) return;
        pbx.events().publish(ManagerEvent.of("SkypeChatMessage", "system").put("To", to).put("From", from)
                .put("Message", Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))).build());
    }

    @Override
    public String toString() { return cfg.name() + " (" + cfg.jid() + ", " + state + ")"; }
}
