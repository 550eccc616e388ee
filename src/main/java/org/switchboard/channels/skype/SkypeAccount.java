package org.switchboard.channels.skype;

import java.util.List;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.net.xmpp.XmppChatInbox;

/**
 * One chan_skype.conf account: an XMPP client connection kept logged in ({@link SkypeLogin}), its
 * roster as the buddy list with Skype's status strings ({@link SkypeRoster}), what buddies see of
 * it ({@link SkypePresence}), and its chat messages on their way to the dialplan
 * ({@link SkypeChat}). Nothing here throws into the PBX: every failure is a log line.
 */
public final class SkypeAccount {
    static final String LOG = "chan_skype";

    /** One buddy as {@code skype show buddies} and SKYPE_BUDDIES see it. */
    public record Buddy(String name, String jid, String status, String subscription) {}

    public enum State { CONNECTING, LOGGED_IN, LOGGED_OUT, STOPPED }

    /** Whether a call to this buddy can go out: who is known to be offline, or not a buddy under authpolicy=deny, cannot be called. */
    enum Reach { OK, OFFLINE, NOT_A_BUDDY }

    private final Pbx pbx;
    private volatile SkypeConfig.Account cfg;
    private volatile java.net.InetSocketAddress serverStun;   // XEP-0215: the STUN server the account's server names
    private final SkypeJingle jingle;
    private final SkypeCallRate proposals = new SkypeCallRate();
    private final SkypeChat chat;
    private final SkypeRoster roster;
    private final SkypePresence presence;
    private final SkypeLogin login;

    SkypeAccount(Pbx pbx, SkypeConfig.Account cfg) {
        this.pbx = pbx;
        this.cfg = cfg;
        SkypeAccountEvents events = new SkypeAccountEvents(pbx);
        this.chat = new SkypeChat(this, events, cfg);
        this.jingle = new SkypeJingle(this);
        this.roster = new SkypeRoster(this, events);
        this.presence = new SkypePresence(this);
        this.login = new SkypeLogin(this, events, roster, presence);
    }

    public String name() { return cfg.name(); }
    public String jid() { return cfg.jid(); }
    public String domain() { return cfg.domain(); }
    public SkypeConfig.Account config() { return cfg; }
    public State state() { return login.state(); }
    public boolean isLoggedIn() { return login.state() == State.LOGGED_IN; }
    public String lastError() { return login.lastError(); }
    public long messagesSent() { return chat.sent(); }
    public long messagesReceived() { return chat.received(); }
    XmppChatInbox inbox() { return chat.inbox(); }
    Pbx pbx() { return pbx; }
    /** Runs {@code work} bound to this account's PBX log: our listener code on a thread of Smack's. */
    void onPbx(Runnable work) { org.switchboard.core.PbxLog.run(pbx.log(), work); }
    SkypeModule module() { return SkypeModule.get(pbx); }
    SkypeJingle jingle() { return jingle; }
    /** The STUN server the XMPP server offered at the last login (XEP-0215), or null. */
    java.net.InetSocketAddress serverStun() { return serverStun; }
    void serverStun(java.net.InetSocketAddress a) { serverStun = a; }
    SkypeCallRate proposals() { return proposals; }
    XMPPTCPConnection connection() { return login.connection(); }
    Roster roster() { return roster.roster(); }

    /** Our full JID on the network now ({@code lmentinc@skype.example/switchboard}). */
    String fullJid() {
        XMPPTCPConnection c = login.connection();
        return c != null && c.getUser() != null ? c.getUser().toString() : cfg.jid() + "/" + cfg.resource();
    }

    Reach reach(String bareJid) { return roster.reach(bareJid); }

    /** On our roster with a subscription either way. */
    boolean isBuddy(String bareJid) { return roster.isBuddy(bareJid); }

    /** The roster's name for a buddy, or null. */
    String rosterName(String bareJid) { return roster.rosterName(bareJid); }

    /** Every license is in use (or no longer): see {@link SkypePresence#setOnPhone}. */
    void setOnPhone(boolean busy) { presence.setOnPhone(busy); }

    // ---- life cycle ----

    void start() { login.start(); }

    /** Logs out and stops reconnecting; waits a little for the goodbye to go out. */
    void stop() {
        jingle.connectionLost();
        login.stop();
    }

    /** Settings that need no new login (context, authpolicy, status, chat routing, hold time). */
    void update(SkypeConfig.Account next) {
        SkypeConfig.Account prev = cfg;
        cfg = next;
        chat.update(next);
        if (!prev.status().equals(next.status()) || !prev.statusMessage().equals(next.statusMessage())) presence.resend();
    }

    /** A new connection, before login: what listens on it. */
    void wire(XMPPTCPConnection c) {
        c.setReplyTimeout(10_000);
        chat.attach(c);
        jingle.attach(c);
        roster.attach(c);
    }

    /** A verbose-3 line that anyone on the network can cause as often as they like: rate-limited per sender. */
    static void remoteVerbose(String sender, String message) {
        if (PbxLog.isVerbose(3)) PbxLog.limited(PbxLog.Level.VERBOSE, LOG, sender, message);
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
        return presence.resend();
    }

    // ---- buddies and chat ----

    String display(String bareJid) { return SkypeNames.display(bareJid, cfg.domain()); }

    /** The buddy list now, sorted by name; empty while logged out. */
    public List<Buddy> buddies() { return roster.buddies(); }

    /** One buddy's status; {@code Unknown} when not on the list or the account is logged out. */
    public String buddyStatus(String bareJid) { return roster.buddyStatus(bareJid); }

    /** Adds a buddy and asks for their authorization, with an optional message. */
    public boolean addBuddy(String bareJid, String message) { return roster.addBuddy(bareJid, message); }

    public boolean removeBuddy(String bareJid) { return roster.removeBuddy(bareJid); }

    /** Sends a chat message; false (with a log line) when the account is not logged in or the stanza cannot go. */
    public boolean sendChat(String bareJid, String text) { return chat.send(bareJid, text); }

    @Override
    public String toString() { return cfg.name() + " (" + cfg.jid() + ", " + login.state() + ")"; }
}
