package org.switchboard.channels.skype;

import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.net.xmpp.jingle.Jingle;
import org.switchboard.net.xmpp.jingle.JingleIq;
import org.switchboard.net.xmpp.jingle.Jmi;

/**
 * Decides what happens to a call a buddy starts, as chan_sip's handle_request_invite does for an
 * INVITE: too many from one sender, a stranger under authpolicy=deny, an extension that does not
 * exist, no free license, an offer we cannot take (no fingerprint, no common codec) — each is
 * refused with a reason before any channel exists. Otherwise a Skype channel starts in the
 * account's context at its exten.
 */
final class SkypeIncoming {
    private SkypeIncoming() {}

    /** XEP-0353 §3.1: a proposal. */
    static void propose(SkypeJingle jingle, String from, Jmi jmi) {
        SkypeAccount a = jingle.account();
        String bare = SkypeStanzaFaults.peer(from);
        if (!a.proposals().tryAcquire(bare)) {
            SkypeJingle.remoteNotice(bare, "Skype account '" + a.name() + "': too many calls proposed by " + bare + "; dropping them");
            return;
        }
        if (jmi.description() == null || !SkypeCodecs.isAudio(jmi.description())) {
            SkypeJingle.remoteNotice(bare, "Skype account '" + a.name() + "': proposal from " + from + " carries no audio; rejected");
            jingle.sendJmi(from, new Jmi(Jmi.Kind.REJECT, jmi.id(), null, Jingle.Reason.of("unsupported-applications")), null);
            return;
        }
        String refusal = admit(a, bare);
        if (refusal != null) {
            jingle.sendJmi(from, new Jmi(Jmi.Kind.REJECT, jmi.id(), null, Jingle.Reason.of(refusal)), null);
            return;
        }
        SkypeIncomingCall call = new SkypeIncomingCall(a.module(), a, from, bare, jmi.id(), true, null);
        start(a, call);
    }

    /** XEP-0166 §6.2: a session-initiate without a proposal first. It is acknowledged, then refused or taken. */
    static void initiate(SkypeJingle jingle, JingleIq iq) {
        SkypeAccount a = jingle.account();
        String from = iq.getFrom().toString();
        String bare = iq.getFrom().asBareJid().toString();
        Jingle j = iq.jingle();
        jingle.reply(IQ.createResultIQ(iq));
        if (!a.proposals().tryAcquire(bare)) {
            SkypeJingle.remoteNotice(bare, "Skype account '" + a.name() + "': too many calls started by " + bare + "; dropping them");
            terminate(jingle, from, j.sid(), "decline");
            return;
        }
        String problem = offerProblem(j, a.config().codecs());
        if (problem != null) {
            SkypeJingle.remoteNotice(bare, "Skype account '" + a.name() + "': session-initiate from " + from + " refused: " + problem);
            terminate(jingle, from, j.sid(), problem);
            return;
        }
        String refusal = admit(a, bare);
        if (refusal != null) {
            terminate(jingle, from, j.sid(), refusal);
            return;
        }
        start(a, new SkypeIncomingCall(a.module(), a, from, bare, j.sid(), false, j));
    }

    /**
     * Why an offer cannot be taken, as the Jingle reason to terminate with, or null: no audio
     * (unsupported-applications), not ICE-UDP (unsupported-transports), no DTLS fingerprint
     * (security-error: XEP-0320, we never send unencrypted media), no common codec.
     */
    static String offerProblem(Jingle j, List<String> codecs) {
        Jingle.Content c = j.audio();
        if (c == null) return "unsupported-applications";
        if (c.transport() == null) return "unsupported-transports";
        if (c.transport().fingerprint() == null) return "security-error";
        if (c.transport().ufrag() == null) return "failed-transport";
        if (SkypeCodecs.answer(c.description(), codecs) == null) return "incompatible-parameters";
        return null;
    }

    /** The reason to refuse a call from {@code bare}, or null when it may ring; a refused call costs no license. */
    private static String admit(SkypeAccount a, String bare) {
        SkypeConfig.Account cfg = a.config();
        if (cfg.authPolicy() == SkypeConfig.AuthPolicy.DENY && !a.isBuddy(bare)) {
            SkypeJingle.remoteNotice(bare, "Skype account '" + a.name() + "': call from " + bare + " refused: not a buddy (authpolicy=deny)");
            return "decline";
        }
        Pbx pbx = a.pbx();
        if (pbx.dialplan().context(cfg.context()) == null || !pbx.dialplan().exists(cfg.context(), cfg.exten(), 1, a.display(bare))) {
            SkypeJingle.remoteNotice(bare, "Skype account '" + a.name() + "': call from " + bare + " to extension '" + cfg.exten()
                + "' rejected because extension not found in context '" + cfg.context() + "'");
            return "decline";
        }
        SkypeModule m = a.module();
        if (!m.licenses().acquire()) {
            SkypeJingle.remoteNotice(bare, "Skype account '" + a.name() + "': call from " + bare + " declined busy: all "
                + m.licenses().licensed() + " Skype licenses are in use (licenses=" + m.licenses().licensed() + " in chan_skype.conf)");
            return "busy";
        }
        return null;
    }

    private static void start(SkypeAccount a, SkypeIncomingCall call) {
        Pbx pbx = a.pbx();
        SkypeConfig.Account cfg = a.config();
        String buddy = a.display(call.peerBare());
        Channel c = pbx.allocChannel("Skype/" + a.name() + "@" + buddy + "-" + pbx.channels().nextSuffix(), call, null);
        c.callerId().setNumber(buddy);
        String name = a.rosterName(call.peerBare());
        c.callerId().setName(name == null ? buddy : name);
        c.callerId().setDnid(cfg.exten());
        pbx.events().newCallerid(c);
        c.setVar("SKYPE_PEER", call.peerFull());
        call.attach(c);
        a.jingle().register(call);
        PbxLog.verbose(3, "Incoming Skype call from " + call.peerFull() + " on " + c.name() + (call.viaJmi ? " (proposed)" : ""));
        c.setState(ChannelState.RING);
        c.setLocation(cfg.context(), cfg.exten(), 1);
        pbx.startPbx(c);
    }

    private static void terminate(SkypeJingle jingle, String to, String sid, String reason) {
        jingle.send(to, new Jingle(Jingle.Action.SESSION_TERMINATE, sid, null, null, List.of(), Jingle.Reason.of(reason), null), r -> { });
    }
}
