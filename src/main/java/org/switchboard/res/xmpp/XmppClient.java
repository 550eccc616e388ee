package org.switchboard.res.xmpp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.net.xmpp.StanzaHead;
import org.switchboard.net.xmpp.TolerantXmppConnection;
import org.switchboard.net.xmpp.XmlText;
import org.switchboard.net.xmpp.XmppChatBody;
import org.switchboard.net.xmpp.XmppChatInbox;
import org.switchboard.net.xmpp.XmppClientSettings;
import org.switchboard.net.xmpp.XmppFailures;
import org.switchboard.net.xmpp.XmppLoginLoop;
import org.switchboard.net.xmpp.XmppTrust;

/**
 * One xmpp.conf client, kept logged in by the login loop chan_skype's accounts use: its roster as
 * the buddy list JABBER_STATUS reads, its own presence ({@code status}, {@code statusmessage},
 * {@code priority}), its messages on their way to JABBER_RECEIVE or, with {@code sendtodialplan},
 * into the dialplan. Nothing here throws into the PBX: every failure is a log line.
 */
public final class XmppClient {
    static final String LOG = "res_xmpp.c";

    public enum State { CONNECTING, CONNECTED, DISCONNECTED, STOPPED }

    /** One resource of a buddy as {@code xmpp show buddies} prints it. */
    public record Resource(String name, int priority, int status, String message) {}

    /** One buddy: its bare JID and the resources online now. */
    public record Buddy(String jid, List<Resource> resources) {}

    private final Pbx pbx;
    private final XmppConfig.Client cfg;
    private final XmppConfig.General general;
    private final XmppChatInbox inbox;
    private final XmppLoginLoop loop;
    private volatile Roster roster;
    private volatile State state = State.CONNECTING;
    private volatile String lastError = "";
    private final AtomicLong received = new AtomicLong();

    XmppClient(Pbx pbx, XmppConfig.General general, XmppConfig.Client cfg) {
        this.pbx = pbx;
        this.general = general;
        this.cfg = cfg;
        this.inbox = new XmppChatInbox(cfg.timeoutS() * 1000L);
        if (cfg.sendToDialplan()) inbox.setRouter(m -> XmppMessageRouting.route(pbx, this, m));
        this.loop = new XmppLoginLoop("xmpp-" + cfg.name(), new Session());
    }

    public String name() { return cfg.name(); }
    public String jid() { return cfg.jid(); }
    public XmppConfig.Client config() { return cfg; }
    public State state() { return state; }
    public boolean isConnected() { return state == State.CONNECTED; }
    public String lastError() { return lastError; }
    public long messagesReceived() { return received.get(); }
    XmppChatInbox inbox() { return inbox; }

    void start() { loop.start(); }

    void stop() {
        loop.stop();
        state = State.STOPPED;
    }

    private final class Session implements XmppLoginLoop.Client {
        @Override
        public XMPPTCPConnection open() throws Exception {
            XMPPTCPConnection c = new TolerantXmppConnection(settings().configuration(), new Faults());
            c.setReplyTimeout(10_000);
            c.addSyncStanzaListener(XmppClient.this::onMessage, new AndFilter(MessageTypeFilter.NORMAL_OR_CHAT, MessageWithBodiesFilter.INSTANCE));
            Roster r = Roster.getInstanceFor(c);
            r.setSubscriptionMode(Roster.SubscriptionMode.manual);
            r.addSubscribeListener(XmppClient.this::onSubscribe);
            roster = r;
            return c;
        }

        @Override
        public void loggedIn(XMPPTCPConnection c) throws Exception {
            roster.reloadAndWait();
            lastError = "";
            sendOwnPresence(c);
            if (general.autoregister()) addBuddies(c);
            if (general.autoprune()) pruneBuddies();
            state = State.CONNECTED;
            PbxLog.verbose(2, "XMPP client '" + cfg.name() + "' connected as " + c.getUser() + " via " + where());
        }

        @Override
        public void lost(String reason, boolean conflict) {
            lastError = reason;
            state = State.DISCONNECTED;
            PbxLog.notice(LOG, "XMPP client '" + cfg.name() + "' lost the connection to " + where() + ": " + reason + "; reconnecting");
        }

        @Override
        public void failed(int attempt, String reason, long retryMs) {
            lastError = reason;
            state = State.DISCONNECTED;
            PbxLog.warning(LOG, "XMPP client '" + cfg.name() + "' (" + cfg.jid() + "): login to " + where() + " failed (attempt "
                    + attempt + "): " + reason + "; retrying in " + XmppLoginLoop.seconds(retryMs));
        }

        @Override public long reconnectMaxMs() { return 30_000; }

        @Override public void stopped() { state = State.STOPPED; }
    }

    /**
     * res_xmpp encrypts with STARTTLS but checks no certificate; so do we, unless {@code tls_ca_file}
     * (ours, as chan_skype's) names the certificates to trust. SCRAM-SHA-1 first, PLAIN for servers
     * that store no SCRAM keys (only ever over TLS unless usetls=no).
     */
    private XmppClientSettings settings() throws Exception {
        X509TrustManager trust = XmppTrust.trustAll();
        boolean anyHost = true;
        if (cfg.tlsCaFile() != null) {
            Path ca = Path.of(cfg.tlsCaFile());
            if (!ca.isAbsolute() && pbx.configDir() != null) ca = pbx.configDir().resolve(ca);
            try {
                trust = XmppTrust.trustFile(ca);
                anyHost = false;
            } catch (Exception e) {
                throw new IllegalArgumentException("cannot use tls_ca_file " + ca + ": " + e.getMessage(), e);
            }
        }
        return new XmppClientSettings(cfg.domain(), cfg.localpart(), cfg.secret(), cfg.resource(), cfg.serverhost(), cfg.port(),
                cfg.useTls(), trust, anyHost, List.of("SCRAM-SHA-1", "PLAIN"));
    }

    private String where() { return (cfg.serverhost() == null ? cfg.domain() : cfg.serverhost()) + ":" + cfg.port(); }

    /** Our presence: status= as the show value (RFC 6121 §4.7.2.1), statusmessage=, priority=. */
    private void sendOwnPresence(XMPPTCPConnection c) throws SmackException.NotConnectedException, InterruptedException {
        Presence.Mode mode = switch (cfg.status()) {
            case "chat" -> Presence.Mode.chat;
            case "away" -> Presence.Mode.away;
            case "xaway" -> Presence.Mode.xa;
            case "dnd" -> Presence.Mode.dnd;
            default -> Presence.Mode.available;
        };
        c.sendStanza(c.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available).setMode(mode)
                .setStatus(cfg.statusMessage().isEmpty() ? null : cfg.statusMessage()).setPriority(cfg.priority()).build());
    }

    /** autoregister: each buddy= on the roster, with a subscription request to see their presence. */
    private void addBuddies(XMPPTCPConnection c) {
        for (String b : cfg.buddies()) {
            try {
                BareJid jid = JidCreate.bareFrom(b);
                RosterEntry e = roster.getEntry(jid);
                if (e != null && e.canSeeHisPresence()) continue;
                if (e == null) roster.createItem(jid, null, null);
                c.sendStanza(c.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.subscribe).to(jid).build());
            } catch (Exception e) {
                PbxLog.warning(LOG, "XMPP client '" + cfg.name() + "': buddy " + b + " not added: " + XmppFailures.reason(e));
            }
        }
    }

    /** autoprune: whoever is on the roster but not a buddy= is removed. */
    private void pruneBuddies() {
        for (RosterEntry e : roster.getEntries()) {
            String jid = e.getJid().toString();
            if (cfg.buddies().stream().anyMatch(b -> b.equalsIgnoreCase(jid))) continue;
            try {
                roster.removeEntry(e);
            } catch (Exception ex) {
                PbxLog.warning(LOG, "XMPP client '" + cfg.name() + "': " + jid + " not pruned: " + XmppFailures.reason(ex));
            }
        }
    }

    private SubscribeListener.SubscribeAnswer onSubscribe(Jid from, Presence p) {
        if (cfg.acceptSubscriptions()) return SubscribeListener.SubscribeAnswer.ApproveAndAlsoRequestIfRequired;
        return SubscribeListener.SubscribeAnswer.Deny;
    }

    private void onMessage(Stanza s) {
        Message m = (Message) s;
        if (m.getFrom() == null || m.getBody() == null) return;
        received.incrementAndGet();
        String full = m.getFrom().toString();
        inbox.deliver(new XmppChatInbox.Incoming(full, m.getFrom().asBareJid().toString(), m.getBody(), System.nanoTime()));
    }

    /** Sends a chat message; false (with a log line) when not connected, the JID is not one, or the stanza cannot go. */
    public boolean send(String to, String text) {
        XMPPTCPConnection c = loop.connection();
        if (c == null || !isConnected()) {
            PbxLog.warning(LOG, "XMPP client '" + cfg.name() + "' is not connected" + (lastError.isEmpty() ? "" : " (" + lastError + ")")
                    + ": message to " + to + " not sent");
            return false;
        }
        try {
            c.sendStanza(c.getStanzaFactory().buildMessageStanza().to(JidCreate.entityFrom(to)).ofType(Message.Type.chat)
                    .addExtension(new XmppChatBody(XmlText.xmlSafe(text))).build());
            return true;
        } catch (Exception e) {
            PbxLog.warning(LOG, "XMPP client '" + cfg.name() + "': message to " + to + " not sent: " + XmppFailures.reason(e));
            return false;
        }
    }

    /** XEP-0045 §7.2: enters {@code room} as {@code nick} (a new room is made instant, §10.1.2); false with a log line when it cannot. */
    public boolean joinRoom(String room, String nick) {
        MultiUserChat muc = room(room, "join");
        if (muc == null) return false;
        try {
            if (muc.isJoined()) return true;
            MultiUserChat.MucCreateConfigFormHandle created = muc.createOrJoin(Resourcepart.from(nick));
            if (created != null) created.makeInstant();
            return true;
        } catch (Exception e) {
            PbxLog.warning(LOG, "XMPP client '" + cfg.name() + "': could not join " + room + " as " + nick + ": " + XmppFailures.reason(e));
            return false;
        }
    }

    /** XEP-0045 §7.14: leaves {@code room}; false with a log line when it was not in it or cannot. */
    public boolean leaveRoom(String room) {
        MultiUserChat muc = room(room, "leave");
        if (muc == null) return false;
        try {
            if (!muc.isJoined()) {
                PbxLog.warning(LOG, "XMPP client '" + cfg.name() + "' is not in " + room);
                return false;
            }
            muc.leave();
            return true;
        } catch (Exception e) {
            PbxLog.warning(LOG, "XMPP client '" + cfg.name() + "': could not leave " + room + ": " + XmppFailures.reason(e));
            return false;
        }
    }

    /** XEP-0045 §7.4: a groupchat message to every occupant of a room the client is in. */
    public boolean sendToRoom(String room, String text) {
        XMPPTCPConnection c = loop.connection();
        if (room(room, "send to") == null) return false;
        try {
            c.sendStanza(c.getStanzaFactory().buildMessageStanza().to(JidCreate.entityBareFrom(room)).ofType(Message.Type.groupchat)
                    .addExtension(new XmppChatBody(XmlText.xmlSafe(text))).build());
            return true;
        } catch (Exception e) {
            PbxLog.warning(LOG, "XMPP client '" + cfg.name() + "': message to " + room + " not sent: " + XmppFailures.reason(e));
            return false;
        }
    }

    private MultiUserChat room(String room, String what) {
        XMPPTCPConnection c = loop.connection();
        if (c == null || !isConnected()) {
            PbxLog.warning(LOG, "XMPP client '" + cfg.name() + "' is not connected: cannot " + what + " " + room);
            return null;
        }
        try {
            return MultiUserChatManager.getInstanceFor(c).getMultiUserChat(JidCreate.entityBareFrom(room));
        } catch (Exception e) {
            PbxLog.warning(LOG, "XMPP client '" + cfg.name() + "': '" + room + "' is not a room JID");
            return null;
        }
    }

    /**
     * JABBER_STATUS's number for a buddy: 1 online, 2 chatty, 3 away, 4 extended away, 5 do not
     * disturb, 6 offline, 7 not in the roster. A bare JID gives the best resource's presence,
     * a full one that resource's.
     */
    public int status(String jid) {
        Roster r = roster;
        if (r == null || !isConnected()) return 7;
        try {
            Jid j = JidCreate.from(jid);
            if (r.getEntry(j.asBareJid()) == null) return 7;
            Presence p = j.hasResource() ? r.getPresenceResource(j.asFullJidIfPossible()) : r.getPresence(j.asBareJid());
            return number(p);
        } catch (Exception e) {
            return 7;
        }
    }

    private static int number(Presence p) {
        if (p == null || !p.isAvailable()) return 6;
        return switch (p.getMode()) {
            case chat -> 2;
            case away -> 3;
            case xa -> 4;
            case dnd -> 5;
            default -> 1;
        };
    }

    /** The roster with each buddy's online resources, sorted by JID; empty while disconnected. */
    public List<Buddy> buddies() {
        Roster r = roster;
        List<Buddy> out = new ArrayList<>();
        if (r == null || !isConnected()) return out;
        for (RosterEntry e : r.getEntries()) {
            List<Resource> res = new ArrayList<>();
            for (Presence p : r.getAvailablePresences(e.getJid())) {
                String name = p.getFrom() == null || p.getFrom().getResourceOrNull() == null ? "" : p.getFrom().getResourceOrNull().toString();
                res.add(new Resource(name, p.getPriority(), number(p), p.getStatus() == null ? "" : p.getStatus()));
            }
            out.add(new Buddy(e.getJid().toString(), res));
        }
        out.sort(Comparator.comparing(b -> b.jid().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** A stanza we cannot read is skipped (TolerantXmppConnection); one rate-limited line per sender says so. */
    private final class Faults implements TolerantXmppConnection.Faults {
        @Override
        public void unreadable(StanzaHead head, String why) {
            String from = head.sender();
            int slash = from.indexOf('/');
            PbxLog.limited(PbxLog.Level.NOTICE, LOG, slash < 0 ? from : from.substring(0, slash), "XMPP client '" + cfg.name()
                    + "': dropped a " + head.describe() + " from " + from + " that it could not read: " + why);
        }

        @Override
        public void unsendable(Stanza stanza, String why) {
            PbxLog.warning(LOG, "XMPP client '" + cfg.name() + "': a " + stanza.getClass().getSimpleName() + " could not be sent: " + why);
        }
    }

    @Override
    public String toString() { return cfg.name() + " (" + cfg.jid() + ", " + state + ")"; }
}
