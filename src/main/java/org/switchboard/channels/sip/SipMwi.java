package org.switchboard.channels.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import org.switchboard.channels.sip.call.SipCall;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.message.CSeq;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipMethod;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.registrar.Binding;
import org.switchboard.channels.sip.transaction.ClientTransaction;
import org.switchboard.channels.sip.transaction.ClientTransactionUser;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.PbxLog;
import org.switchboard.res.voicemail.MessageWaiting;

/**
 * Message waiting for {@code mailbox=} peers, as chan_sip sends it without a subscription
 * (sip_send_mwi_to_peer): an out-of-dialog NOTIFY with {@code Event: message-summary} and an
 * RFC 3842 body, whenever voicemail publishes a MessageWaiting event for one of the peer's
 * mailboxes and whenever the peer registers, so a phone's lamp is right from the start.
 */
final class SipMwi {
    private final SipStack stack;
    private final Consumer<ManagerEvent> listener = this::onEvent;
    private final SipMwiSubscriptions subscriptions;

    SipMwi(SipStack stack) {
        this.stack = stack;
        this.subscriptions = new SipMwiSubscriptions(stack);
    }

    /** A SUBSCRIBE with Event: message-summary. */
    void onSubscribe(org.switchboard.channels.sip.transaction.ServerTransaction tx, SipRequest r) {
        subscriptions.onSubscribe(tx, r, this);
    }

    void start() { stack.pbx().events().subscribe(listener); }

    void stop() { stack.pbx().events().unsubscribe(listener); }

    private void onEvent(ManagerEvent e) {
        if (!MessageWaiting.EVENT.equals(e.name())) return;
        String box = normalize(e.get("Mailbox"));
        if (box == null) return;
        for (SipPeer p : stack.settings().peers().values()) {
            if (p.mailbox() == null || !p.type().isPeer()) continue;
            for (String m : p.mailbox().split("[&,]")) {
                if (box.equals(normalize(m))) {
                    stack.scheduler().execute(() -> send(p));
                    break;
                }
            }
        }
    }

    /** A peer registered (or refreshed): it hears its counts now. */
    void registered(String peerName) {
        SipPeer p = stack.settings().peer(peerName);
        if (p != null && p.mailbox() != null && !p.mailbox().isBlank()) stack.scheduler().execute(() -> send(p));
    }

    private static String normalize(String id) {
        if (id == null || id.isBlank()) return null;
        id = id.strip().toLowerCase(Locale.ROOT);
        return id.indexOf('@') < 0 ? id + "@default" : id;
    }

    /** The peer's counts, as an RFC 3842 body. */
    byte[] body(SipPeer p, String host) {
        MessageWaiting.Counts c = MessageWaiting.counts(stack.pbx(), p.mailbox());
        return body(c == null ? new MessageWaiting.Counts(0, 0, 0) : c, host).getBytes(StandardCharsets.US_ASCII);
    }

    /** One NOTIFY in each of the peer's subscriptions, else one unsolicited to where it is now (none when unreachable). */
    void send(SipPeer p) {
        try {
            if (subscriptions.notifyPeer(p, this)) return;
            Endpoint to = SipModule.get(stack.pbx()) == null ? null
                    : SipModule.get(stack.pbx()).background().qualifier().address(p);
            if (to == null) return;
            String host = stack.localHost(to.address().getAddress());
            Binding b = p.isDynamic() ? stack.registrar().contact(p.name()) : null;
            SipUri uri = b != null ? b.contact()
                    : SipUri.sip(p.defaultUser(), to.address().getAddress().getHostAddress(), to.address().getPort());
            byte[] body = body(p, host);
            Headers h = Headers.builder()
                .add(HeaderNames.VIA, stack.newVia(to).toString())
                .add(HeaderNames.MAX_FORWARDS, "70")
                .add(HeaderNames.FROM, "\"asterisk\" <sip:asterisk@" + host + ">;tag=" + SipIds.tag())
                .add(HeaderNames.TO, "<sip:" + p.name() + "@" + to.address().getAddress().getHostAddress() + ">")
                .add(HeaderNames.CONTACT, "<sip:asterisk@" + host + ":" + stack.localPort(to.protocol()) + ">")
                .add(HeaderNames.CALL_ID, SipIds.callId(host))
                .add(HeaderNames.CSEQ, new CSeq(SipCall.FIRST_CSEQ, SipMethod.NOTIFY).toString())
                .add(HeaderNames.USER_AGENT, stack.settings().userAgent())
                .add("Event", "message-summary")
                .add(HeaderNames.CONTENT_TYPE, "application/simple-message-summary")
                .build();
            stack.layer().sendRequest(new SipRequest(SipMethod.NOTIFY, uri, h, body), to, new ClientTransactionUser() {
                @Override public void onResponse(ClientTransaction tx, SipResponse r) { }

                @Override public void onTimeout(ClientTransaction tx) {
                    PbxLog.debug("chan_sip.c", "MWI NOTIFY to '" + p.name() + "' timed out");
                }
            });
        } catch (RuntimeException e) {
            PbxLog.warning("chan_sip.c", "Could not send MWI to '" + p.name() + "': " + e);
        }
    }

    /**
     * RFC 3842 §5.2: status line, account, then new/old voice messages; the urgent counts in
     * brackets are written (0/0) as chan_sip writes them.
     */
    static String body(MessageWaiting.Counts c, String host) {
        return "Messages-Waiting: " + (c.fresh() + c.urgent() > 0 ? "yes" : "no") + "\r\n"
            + "Message-Account: sip:asterisk@" + host + "\r\n"
            + "Voice-Message: " + (c.fresh() + c.urgent()) + "/" + c.old() + " (0/0)\r\n";
    }
}
