package org.switchboard.channels.skype;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.switchboard.core.PbxLog;
import org.switchboard.net.xmpp.jingle.Jingle;
import org.switchboard.net.xmpp.jingle.JingleIq;
import org.switchboard.net.xmpp.jingle.JingleProviders;
import org.switchboard.net.xmpp.jingle.Jmi;
import org.switchboard.net.xmpp.jingle.JmiElement;

/**
 * The Jingle side of one account's connection: finds the call each Jingle iq or JMI message
 * belongs to and hands it to that call's strand; starts incoming calls through
 * {@link SkypeIncoming}; answers what belongs to no call (XEP-0166 §8: item-not-found with
 * unknown-session). Network threads only look up and dispatch here.
 */
final class SkypeJingle {
    private final SkypeAccount account;
    /** Calls by peer bare JID and sid: a stranger cannot reach a call by guessing another's sid. */
    private final Map<String, SkypeCall> calls = new ConcurrentHashMap<>();
    /** Our JMI propose message ids, for the bounce of a proposal nobody could take. */
    private final Map<String, SkypeCall> proposals = new ConcurrentHashMap<>();
    private volatile XMPPConnection conn;

    SkypeJingle(SkypeAccount account) {
        this.account = account;
        JingleProviders.install();
    }

    SkypeAccount account() { return account; }

    static String key(String peerBare, String sid) { return peerBare + " " + sid; }

    /** A new connection of the account (every login): our handlers and disco features on it. */
    void attach(XMPPConnection c) {
        conn = c;
        SkypeDisco.advertise(c);
        c.registerIQRequestHandler(new AbstractIqRequestHandler("jingle", Jingle.NS, IQ.Type.set, IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ iq) {
                account.onPbx(() -> onJingle((JingleIq) iq));   // on Smack's thread
                return null; // the call answers from its strand, in order with what it sends
            }
        });
        c.addAsyncStanzaListener(s -> account.onPbx(() -> onJmiMessage(s)), s -> s instanceof Message && s.hasExtension(Jingle.NS_JMI));
        c.addAsyncStanzaListener(s -> account.onPbx(() -> onUnavailable(s)),
                new AndFilter(StanzaTypeFilter.PRESENCE, PresenceTypeFilter.UNAVAILABLE));
    }

    /** The connection went away: every call of this account ends (its peer can no longer reach us). */
    void connectionLost() {
        for (SkypeCall c : List.copyOf(calls.values())) c.networkGone("the account lost its connection");
    }

    List<SkypeCall> calls() { return new ArrayList<>(calls.values()); }

    void register(SkypeCall call) { calls.put(key(call.peerBare(), call.sid()), call); }

    void unregister(SkypeCall call) {
        calls.remove(key(call.peerBare(), call.sid()), call);
        proposals.values().remove(call);
    }

    // ---- incoming ----

    private void onJingle(JingleIq iq) {
        Jid from = iq.getFrom();
        if (from == null) return;
        Jingle j = iq.jingle();
        String bare = from.asBareJid().toString();
        SkypeCall call = calls.get(key(bare, j.sid()));
        if (call != null && (call.peerFull() == null || call.peerFull().equals(from.toString()))) {
            call.strand().execute(() -> call.onJingle(iq));
            return;
        }
        if (j.action() == Jingle.Action.SESSION_INITIATE && call == null) {
            SkypeIncoming.initiate(this, iq);
            return;
        }
        if (j.action() == Jingle.Action.SESSION_TERMINATE) {
            reply(IQ.createResultIQ(iq)); // XEP-0166 §6.7: a terminate for a session already gone is acknowledged
            return;
        }
        remoteNotice(bare, "Skype account '" + account.name() + "': " + j.action().xml() + " from " + from + " for unknown session '"
            + SkypeCall.clip(j.sid()) + "'");
        error(iq, StanzaError.Condition.item_not_found, "unknown-session");
    }

    private void onJmiMessage(Stanza s) {
        Message m = (Message) s;
        Jid from = m.getFrom();
        JmiElement e = null;
        for (var x : m.getExtensions()) if (x instanceof JmiElement je) e = je;
        if (from == null || e == null) return;
        Jmi jmi = e.jmi();
        String bare = from.asBareJid().toString();
        if (m.getType() == Message.Type.error) {
            SkypeCall call = m.getStanzaId() == null ? null : proposals.remove(m.getStanzaId());
            if (call != null) call.strand().execute(() -> call.onBounce(m.getError() == null ? "error" : m.getError().getCondition().toString()));
            return;
        }
        if (bare.equals(account.jid())) return; // our own carbons (XEP-0353 §3.2 accept/reject to our other devices)
        SkypeCall call = calls.get(key(bare, jmi.id()));
        if (call != null) {
            call.strand().execute(() -> call.onJmi(from.toString(), jmi));
        } else if (jmi.kind() == Jmi.Kind.PROPOSE) {
            SkypeIncoming.propose(this, from.toString(), jmi);
        }
        // any other JMI for a proposal we do not know (a late retract, another device's accept): nothing to do
    }

    private void onUnavailable(Stanza s) {
        Jid from = s.getFrom();
        if (from == null) return;
        String full = from.toString();
        for (SkypeCall c : calls.values()) {
            if (full.equals(c.peerFull())) c.strand().execute(() -> c.peerOffline());
        }
    }

    // ---- sending ----

    /** Sends a Jingle request; {@code onResult} gets null for a result, else the error condition (on a Smack thread). */
    void send(String to, Jingle j, Consumer<String> onResult) {
        XMPPConnection c = conn;
        if (c == null || !c.isAuthenticated()) {
            onResult.accept("not-connected");
            return;
        }
        JingleIq iq = new JingleIq(j);
        try {
            iq.setTo(JidCreate.from(to));
            c.sendIqRequestAsync(iq).onSuccess(r -> onResult.accept(null)).onError(e -> onResult.accept(condition(e)));
        } catch (Exception e) {
            onResult.accept("not-connected");
        }
    }

    /** Sends a JMI element in a chat message, with a hint to keep it (XEP-0334), as XEP-0353 §3 asks. */
    boolean sendJmi(String to, Jmi jmi, SkypeCall proposer) {
        XMPPConnection c = conn;
        if (c == null || !c.isAuthenticated()) return false;
        try {
            String id = "jmi-" + jmi.kind().xml() + "-" + jmi.id();
            Message m = org.jivesoftware.smack.packet.StanzaBuilder.buildMessage(id).to(JidCreate.from(to)).ofType(Message.Type.chat)
                .addExtension(new JmiElement(jmi)).addExtension(StandardExtensionElement.builder("store", "urn:xmpp:hints").build()).build();
            if (proposer != null) proposals.put(id, proposer);
            c.sendStanza(m);
            return true;
        } catch (Exception e) {
            PbxLog.warning(SkypeAccount.LOG, "Skype account '" + account.name() + "': could not send " + jmi.kind().xml() + " to " + to + ": "
                + org.switchboard.net.xmpp.XmppFailures.reason(e));
            return false;
        }
    }

    void reply(IQ iq) {
        XMPPConnection c = conn;
        if (c == null) return;
        try {
            c.sendStanza(iq);
        } catch (SmackException.NotConnectedException | InterruptedException e) {
            // the connection is going; the calls end with it
        }
    }

    /** An error reply with a Jingle error condition (XEP-0166 §8) when {@code jingleError} is not null. */
    void error(IQ request, StanzaError.Condition condition, String jingleError) {
        StanzaError.Builder b = StanzaError.getBuilder(condition);
        if (jingleError != null) b.addExtension(StandardExtensionElement.builder(jingleError, Jingle.NS_ERRORS).build());
        reply(IQ.createErrorResponse(request, b.build()));
    }

    private static String condition(Exception e) {
        if (e instanceof org.jivesoftware.smack.XMPPException.XMPPErrorException x) return x.getStanzaError().getCondition().toString();
        if (e instanceof SmackException.NoResponseException) return "timeout";
        return "not-connected";
    }

    /** A line a stranger can cause as often as they like: rate-limited per sender. */
    static void remoteNotice(String sender, String text) {
        PbxLog.limited(PbxLog.Level.NOTICE, SkypeAccount.LOG, sender, text);
    }
}
