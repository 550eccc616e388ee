package org.switchboard.bench.jingleload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.impl.JidCreate;
import org.switchboard.net.ice.DtlsFingerprint;
import org.switchboard.net.ice.DtlsSetup;
import org.switchboard.net.ice.IceCandidate;
import org.switchboard.net.ice.IceCredentials;
import org.switchboard.net.ice.IceDtlsTransport;
import org.switchboard.net.ice.IceSettings;
import org.switchboard.net.xmpp.XmppTrust;
import org.switchboard.net.xmpp.jingle.Jingle;
import org.switchboard.net.xmpp.jingle.JingleIq;
import org.switchboard.net.xmpp.jingle.Jmi;
import org.switchboard.net.xmpp.jingle.JmiElement;

/**
 * One buddy account of the load peer: logged in with Smack, it answers every call the PBX makes
 * to it, as jingle_peer.py does in {@code answer} mode but without ringing: a JMI {@code propose}
 * gets {@code proceed} (XEP-0353 §3.3) and the {@code session-initiate} that follows (or one that
 * comes without a proposal) gets its iq result, then {@code session-accept} with Opus, our ICE
 * candidates and a DTLS fingerprint with {@code setup='active'} (XEP-0166 §6.3, XEP-0320 §3).
 * One call at a time; the call's media is a {@link LoadMedia}.
 */
final class LoadBuddy {
    final String user;
    private final XMPPTCPConnection conn;
    private final IceSettings ice;
    private final OpusTone tone;
    private final Executor setup;
    private volatile String sid;
    private volatile String peer;
    private volatile LoadMedia media;
    private volatile String failure;
    private volatile long proposedNanos, initiateNanos, acceptedNanos, readyNanos;

    private LoadBuddy(String user, XMPPTCPConnection conn, IceSettings ice, OpusTone tone, Executor setup) {
        this.user = user;
        this.conn = conn;
        this.ice = ice;
        this.tone = tone;
        this.setup = setup;
    }

    /** Logs in (STARTTLS, trusting the network's certificate) and sends available presence. */
    static LoadBuddy login(String domain, String user, String password, int port, Path cert, IceSettings ice, OpusTone tone,
                           Executor setup) throws Exception {
        XMPPTCPConnectionConfiguration cfg = XMPPTCPConnectionConfiguration.builder()
            .setXmppDomain(domain).setHost("127.0.0.1").setPort(port).setUsernameAndPassword(user, password).setResource("load")
            .setSecurityMode(ConnectionConfiguration.SecurityMode.required).setCustomX509TrustManager(XmppTrust.trustFile(cert))
            .setConnectTimeout(30_000).build();
        XMPPTCPConnection c = new XMPPTCPConnection(cfg);
        c.setReplyTimeout(30_000);
        Roster.getInstanceFor(c).setRosterLoadedAtLogin(false);
        LoadBuddy b = new LoadBuddy(user, c, ice, tone, setup);
        c.registerIQRequestHandler(new AbstractIqRequestHandler("jingle", Jingle.NS, IQ.Type.set, IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ iq) {
                b.onJingle((JingleIq) iq);
                return IQ.createResultIQ(iq);
            }
        });
        c.addAsyncStanzaListener(b::onJmi, s -> s instanceof Message && s.hasExtension(Jingle.NS_JMI));
        c.connect().login();
        return b;
    }

    private void onJmi(org.jivesoftware.smack.packet.Stanza s) {
        Message m = (Message) s;
        if (m.getType() == Message.Type.error || m.getFrom() == null) return;
        for (var x : m.getExtensions()) {
            if (!(x instanceof JmiElement e)) continue;
            Jmi jmi = e.jmi();
            if (jmi.kind() == Jmi.Kind.PROPOSE && sid == null) {
                sid = jmi.id();
                peer = m.getFrom().toString();
                proposedNanos = System.nanoTime();
                send(peer, new JmiElement(Jmi.of(Jmi.Kind.PROCEED, jmi.id())));
            } else if (jmi.kind() == Jmi.Kind.RETRACT && jmi.id().equals(sid)) {
                failure = "retracted";
                endMedia();
            }
        }
    }

    private void onJingle(JingleIq iq) {
        Jingle j = iq.jingle();
        switch (j.action()) {
            case SESSION_INITIATE -> {
                if (media != null) return; // one call at a time: a second offer is ignored (the PBX times it out)
                sid = j.sid();
                peer = iq.getFrom().toString();
                initiateNanos = System.nanoTime();
                if (proposedNanos == 0) proposedNanos = initiateNanos;
                setup.execute(() -> accept(j));
            }
            case TRANSPORT_INFO -> {
                LoadMedia m = media;
                Jingle.Content c = j.contents().isEmpty() ? null : j.contents().get(0);
                if (m != null && c != null && c.transport() != null) addCandidates(m.transport(), c.transport().candidates());
            }
            case SESSION_TERMINATE -> {
                if (j.sid().equals(sid)) endMedia();
            }
            default -> { }
        }
    }

    /** XEP-0166 §6.3: open our side, take the offer's transport, answer with ours. Off the Smack threads (binding blocks). */
    private void accept(Jingle offer) {
        Jingle.Content c = offer.audio();
        try {
            if (c == null || c.transport() == null || c.transport().fingerprint() == null) throw new IllegalStateException("offer without ICE/DTLS");
            Jingle.PayloadType opus = c.description().payloadTypes().stream().filter(p -> p.is("opus")).findFirst()
                .orElseThrow(() -> new IllegalStateException("offer without Opus"));
            LoadMedia m = new LoadMedia(ice, tone);
            media = m;
            m.payloadType(opus.id());
            IceDtlsTransport t = m.transport();
            Jingle.Fingerprint f = c.transport().fingerprint();
            t.setRemote(new IceCredentials(c.transport().ufrag(), c.transport().pwd()), new DtlsFingerprint(f.hash(), f.value()),
                DtlsSetup.parse(f.setup()));
            addCandidates(t, c.transport().candidates());
            m.sendWhenReady();
            t.ready().thenRun(() -> readyNanos = System.nanoTime());
            Jingle.Content answer = new Jingle.Content(c.creator(), c.name(),
                new Jingle.RtpDescription("audio", List.of(opus), true), local(t));
            JingleIq iq = new JingleIq(new Jingle(Jingle.Action.SESSION_ACCEPT, offer.sid(), null, conn.getUser().toString(),
                List.of(answer), null, null));
            iq.setTo(JidCreate.from(peer));
            conn.sendIqRequestAsync(iq).onError(e -> failure = "session-accept refused: " + e);
            acceptedNanos = System.nanoTime();
        } catch (Exception e) {
            failure = String.valueOf(e);
        }
    }

    private static Jingle.IceUdpTransport local(IceDtlsTransport t) {
        List<Jingle.Candidate> cands = new ArrayList<>();
        for (IceCandidate c : t.localCandidates()) {
            cands.add(new Jingle.Candidate(c.foundation(), c.component(), c.protocol(), c.priority(), c.ip(), c.port(), c.type(),
                c.relAddr(), c.relPort(), c.generation(), c.id(), 0));
        }
        DtlsFingerprint f = t.localFingerprint();
        return new Jingle.IceUdpTransport(t.localCredentials().ufrag(), t.localCredentials().pwd(), cands,
            new Jingle.Fingerprint(f.hash(), t.localSetup().xmlValue(), f.value()));
    }

    private static void addCandidates(IceDtlsTransport t, List<Jingle.Candidate> candidates) {
        for (Jingle.Candidate c : candidates) {
            try {
                t.addRemoteCandidate(new IceCandidate(c.foundation(), c.component(), c.protocol(), c.priority(), c.ip(), c.port(),
                    c.type(), c.relAddr(), c.relPort(), c.generation(), c.id() == null ? c.foundation() : c.id()));
            } catch (IllegalArgumentException e) {
                // unusable: the others may do
            }
        }
    }

    /** Ends our call: session-terminate with success (XEP-0166 §6.7); the PBX hangs up the SIP leg. */
    void hangup() {
        String s = sid, p = peer;
        if (s == null || p == null) return;
        JingleIq iq = new JingleIq(new Jingle(Jingle.Action.SESSION_TERMINATE, s, null, null, List.of(), Jingle.Reason.of("success"), null));
        try {
            iq.setTo(JidCreate.from(p));
            conn.sendIqRequestAsync(iq);
        } catch (Exception e) {
            // the connection is going: the PBX ends the call when we go offline
        }
        endMedia();
    }

    private void endMedia() {
        LoadMedia m = media;
        if (m != null) m.close();
    }

    private void send(String to, JmiElement jmi) {
        try {
            conn.sendStanza(StanzaBuilder.buildMessage().to(JidCreate.from(to)).ofType(Message.Type.chat).addExtension(jmi).build());
        } catch (Exception e) {
            failure = "cannot send " + jmi.getElementName() + ": " + e;
        }
    }

    LoadMedia media() { return media; }

    String failure() { return failure; }

    /** When this call's propose (or offer) came, its session-initiate came, our session-accept left, ICE + DTLS were done (0: not yet). */
    long[] stageNanos() { return new long[] {proposedNanos, initiateNanos, acceptedNanos, readyNanos}; }

    void logout() {
        endMedia();
        conn.disconnect();
    }
}
