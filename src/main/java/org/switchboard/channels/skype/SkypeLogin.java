package org.switchboard.channels.skype;

import java.nio.file.Path;
import java.util.List;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.switchboard.core.PbxLog;
import org.switchboard.net.xmpp.TolerantXmppConnection;
import org.switchboard.net.xmpp.XmppClientSettings;
import org.switchboard.net.xmpp.XmppLoginLoop;
import org.switchboard.net.xmpp.XmppTrust;

/**
 * Keeping one account logged in: its XMPP connection (STARTTLS required, SASL SCRAM, the trust
 * {@code tls_verify}/{@code tls_ca_file} ask for), reconnected with backoff by the login loop, and
 * its state with the log lines and SkypeAccountStatus events as it comes and goes.
 */
final class SkypeLogin implements XmppLoginLoop.Client {
    private final SkypeAccount account;
    private final SkypeAccountEvents events;
    private final SkypeRoster roster;
    private final SkypePresence presence;
    private final XmppLoginLoop loop;
    private volatile SkypeAccount.State state = SkypeAccount.State.CONNECTING;
    private volatile String lastError = "";

    SkypeLogin(SkypeAccount account, SkypeAccountEvents events, SkypeRoster roster, SkypePresence presence) {
        this.account = account;
        this.events = events;
        this.roster = roster;
        this.presence = presence;
        this.loop = new XmppLoginLoop("skype-" + account.name(), this);
    }

    SkypeAccount.State state() { return state; }
    String lastError() { return lastError; }
    XMPPTCPConnection connection() { return loop.connection(); }

    void start() { loop.start(); }

    /** Logs out and stops reconnecting; waits a little for the goodbye to go out. */
    void stop() {
        loop.stop();
        state = SkypeAccount.State.STOPPED;
    }

    @Override
    public XMPPTCPConnection open() throws Exception {
        XMPPTCPConnection c = new TolerantXmppConnection(connectionConfig(), new SkypeStanzaFaults(account::name));
        account.wire(c);
        return c;
    }

    @Override
    public void loggedIn(XMPPTCPConnection c) throws Exception {
        roster.reload();
        lastError = "";
        roster.refreshAll();
        presence.send(c);
        setState(SkypeAccount.State.LOGGED_IN, "logged in as " + c.getUser() + " via " + where());
        Thread.ofVirtual().name("skype-extdisco-" + account.name())
                .start(PbxLog.bound(account.pbx().log(), () -> account.serverStun(SkypeServerStun.ask(c, account))));
    }

    @Override
    public void lost(String reason, boolean conflict) {
        account.jingle().connectionLost();
        SkypeConfig.Account cfg = account.config();
        // another client took our resource: the loop does not fight it every half second
        if (conflict) reason += " (another client logged in as " + cfg.jid() + "/" + cfg.resource() + ")";
        lastError = reason;
        setState(SkypeAccount.State.LOGGED_OUT, "lost the connection to " + where() + ": " + reason + "; reconnecting");
    }

    @Override
    public void failed(int attempt, String reason, long retryMs) {
        lastError = reason;
        SkypeConfig.Account cfg = account.config();
        PbxLog.warning(SkypeAccount.LOG, "Skype account '" + cfg.name() + "' (" + cfg.jid() + "): login to " + where()
                + " failed (attempt " + attempt + "): " + reason + "; retrying in " + XmppLoginLoop.seconds(retryMs));
    }

    @Override public long reconnectMaxMs() { return account.config().reconnectMaxMs(); }

    @Override
    public void stopped() {
        if (state == SkypeAccount.State.LOGGED_IN) setState(SkypeAccount.State.LOGGED_OUT, "logged out");
        roster.forget();
    }

    private String where() {
        SkypeConfig.Account cfg = account.config();
        return (cfg.server() == null ? cfg.domain() : cfg.server()) + ":" + cfg.port();
    }

    private void setState(SkypeAccount.State s, String why) {
        SkypeAccount.State prev = state;
        state = s;
        String name = account.name();
        if (s == SkypeAccount.State.LOGGED_IN) {
            PbxLog.verbose(2, "Skype account '" + name + "' " + why);
        } else if (prev == SkypeAccount.State.LOGGED_IN) {
            PbxLog.notice(SkypeAccount.LOG, "Skype account '" + name + "' " + why);
        }
        boolean in = s == SkypeAccount.State.LOGGED_IN;
        if (in != (prev == SkypeAccount.State.LOGGED_IN)) events.accountStatus(name, in);
    }

    private XMPPTCPConnectionConfiguration connectionConfig() throws Exception {
        SkypeConfig.Account a = account.config();
        javax.net.ssl.X509TrustManager trust = null;
        if (!a.tlsVerify()) {
            trust = XmppTrust.trustAll();
        } else if (a.tlsCaFile() != null) {
            Path ca = Path.of(a.tlsCaFile());
            if (!ca.isAbsolute() && account.pbx().configDir() != null) ca = account.pbx().configDir().resolve(ca);
            try {
                trust = XmppTrust.trustFile(ca);
            } catch (Exception e) {
                throw new IllegalArgumentException("cannot use tls_ca_file " + ca + ": " + e.getMessage(), e);
            }
        }
        return new XmppClientSettings(a.domain(), a.localpart(), a.secret(), a.resource(), a.server(), a.port(), true, trust,
                !a.tlsVerify(), List.of("SCRAM-SHA-1")).configuration();
    }
}
